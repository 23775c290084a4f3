import { randomUUID } from "node:crypto";
import type { Caller } from "../auth/access.ts";
import { openedWithInstanceToken, TokenRevokedError } from "../auth/revocations.ts";
import type { MetricsRecorder } from "../metrics/gateway-metrics.ts";
import { type EventType, type GatewayEvent, StoredEvent } from "./types.ts";

export interface EventInput<T = unknown> {
  instanceId: string;
  instanceName: string;
  type: EventType;
  data: T;
  /** `data` already as plain JSON text, when the source made it (the engine does). */
  json?: string;
}
type Listener = (event: GatewayEvent) => void;

/** Events a batch subscriber may fall behind at most: a stuck client must not hold a burst's worth of messages. */
export const MAX_BATCH_BUFFER = 10_000;

export interface EventFilter {
  instanceId: string;
  types?: readonly EventType[];
  /** Who opened the stream: it ends when that caller's token is revoked. */
  owner?: Caller;
}

interface Stream {
  events: GatewayEvent[];
  capacity: number;
  owner: Caller | undefined;
  end(failure: Error): void;
}

export class SlowConsumerError extends Error {
  constructor(readonly bufferSize: number) {
    super(`Subscriber fell ${bufferSize} events behind and was dropped`);
  }
}

/**
 * The in-process fan-out of committed events (src/events/log.ts commits them). Delivering
 * never waits for a consumer: listeners run synchronously and must only enqueue;
 * subscriptions get a bounded buffer each and are dropped when it overflows, so a slow
 * client can neither grow memory nor slow others.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  /** The subscriptions' buffers, with their capacity and owner. */
  private readonly streams = new Set<Stream>();
  /** Other bounded consumers (the /ws hub), each saying whether one of its clients is crowded. */
  private readonly crowdedProbes = new Set<() => boolean>();

  constructor(private readonly metrics: Pick<MetricsRecorder, "slowClientDropped">) {}

  /** Hands an event to every listener; the event log calls it once the event is committed. */
  deliver(event: GatewayEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Delivers an event that is not logged (seq 0): for tests of the sinks alone. */
  publish<T>(input: EventInput<T>): GatewayEvent<T> {
    const event = new StoredEvent<T>(
      randomUUID(),
      0,
      input.instanceId,
      input.instanceName,
      input.type,
      new Date(),
      input.json === undefined ? { data: input.data } : { json: input.json },
    );
    this.deliver(event);
    return event;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /** Subscription streams open now. */
  streamCount(): number {
    return this.streams.size;
  }

  /** True while a subscriber's buffer is a quarter full: a publisher of many events should let it drain. */
  crowded(): boolean {
    for (const { events, capacity } of this.streams) if (events.length * 4 >= capacity) return true;
    for (const probe of this.crowdedProbes) if (probe()) return true;
    return false;
  }

  /** A consumer with its own bounded buffers joins `crowded` with a probe of them. */
  addCrowdedProbe(probe: () => boolean): () => void {
    this.crowdedProbes.add(probe);
    return () => this.crowdedProbes.delete(probe);
  }

  /** Ends, at once, every stream opened with the instance token of this instance. */
  endStreamsOfInstanceToken(instanceId: string): void {
    for (const stream of this.streams) {
      if (openedWithInstanceToken(stream.owner ?? null, instanceId)) stream.end(new TokenRevokedError());
    }
  }

  /** Events of one instance (optionally of some types) as an async iterator. */
  subscribe(filter: EventFilter, bufferSize = 256): AsyncGenerator<GatewayEvent, void, unknown> {
    return this.stream(filter, bufferSize, (buffer) => {
      const event = buffer.shift() as GatewayEvent;
      return { item: event, last: event.type === "instanceDelete" };
    });
  }

  /**
   * The same events in arrays: each pull takes everything buffered, up to `maxBatch`, so a
   * burst costs one delivery per batch instead of one per event. The buffer holds 256 full
   * batches, and never more than MAX_BATCH_BUFFER events, before the subscriber is dropped.
   */
  subscribeBatches(filter: EventFilter, maxBatch: number): AsyncGenerator<GatewayEvent[], void, unknown> {
    return this.stream(filter, Math.min(256 * maxBatch, MAX_BATCH_BUFFER), (buffer) => {
      const size = Math.min(buffer.length, maxBatch);
      const deletion = buffer.findIndex((event, index) => index < size && event.type === "instanceDelete");
      const batch = buffer.splice(0, deletion === -1 ? size : deletion + 1);
      return { item: batch, last: deletion !== -1 };
    });
  }

  /** A bounded buffer on the bus, drained by `take`; nothing follows an instanceDelete. */
  private stream<T>(
    filter: EventFilter,
    bufferSize: number,
    take: (buffer: GatewayEvent[]) => { item: T; last: boolean },
  ): AsyncGenerator<T, void, unknown> {
    const types = filter.types?.length ? new Set(filter.types) : undefined;
    const buffer: GatewayEvent[] = [];
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    let closed = false;
    const tracked: Stream = {
      events: buffer,
      capacity: bufferSize,
      owner: filter.owner,
      end: (reason) => {
        // Nothing buffered is delivered after the end: a revoked token sees no further event.
        failure = reason;
        buffer.length = 0;
        off();
        wake?.();
      },
    };
    this.streams.add(tracked);
    const off = () => {
      unsubscribe();
      this.streams.delete(tracked);
    };
    const unsubscribe = this.on((event) => {
      if (closed || event.instanceId !== filter.instanceId) return;
      if (types && !types.has(event.type)) return;
      if (buffer.length >= bufferSize) {
        tracked.end(new SlowConsumerError(bufferSize));
        this.metrics.slowClientDropped("subscription");
      } else buffer.push(event);
      wake?.();
    });
    async function* iterate(): AsyncGenerator<T, void, unknown> {
      try {
        while (!closed) {
          if (failure) throw failure;
          if (buffer.length > 0) {
            const { item, last } = take(buffer);
            yield item;
            if (last) return;
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        closed = true;
        off();
      }
    }
    const generator = iterate();
    // A generator waiting for events would take a return() only after the next event: a
    // client that went away ends its stream now instead.
    const finish = generator.return.bind(generator);
    generator.return = (value) => {
      closed = true;
      off();
      wake?.();
      return finish(value);
    };
    return generator;
  }
}
