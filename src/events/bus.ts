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

/**
 * The instances a stream follows: one (the stream ends after its instanceDelete), a list (it
 * ends once every one of them is deleted), or every instance, present and future ("all").
 */
export type InstanceScope = { instanceId: string } | { instanceIds: readonly string[] | "all" };

export type EventFilter = InstanceScope & {
  types?: readonly EventType[];
  /** Who opened the stream: it ends when that caller's token is revoked. */
  owner?: Caller;
};

interface Stream {
  events: GatewayEvent[];
  capacity: number;
  owner: Caller | undefined;
  end(failure: Error): void;
}

/** A subscription's iterator, with the hook a replay of the log uses to skip what it already sent. */
export type EventStream<T> = AsyncGenerator<T, void, unknown> & {
  /** From now on, events of the instance up to `seq` are dropped, buffered ones included. */
  skipThrough(instanceId: string, seq: number): void;
  /** Throws why the stream ended early (revoked, too slow), if it did. */
  throwIfEnded(): void;
};

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

  /** Events of the scope's instances (optionally of some types) as an async iterator. */
  subscribe(filter: EventFilter, bufferSize = 256): EventStream<GatewayEvent> {
    return this.stream(filter, bufferSize, (buffer, final) => {
      const event = buffer.shift() as GatewayEvent;
      return { item: event, last: event === final };
    });
  }

  /**
   * The same events in arrays: each pull takes everything buffered, up to `maxBatch`, so a
   * burst costs one delivery per batch instead of one per event. The buffer holds 256 full
   * batches, and never more than MAX_BATCH_BUFFER events, before the subscriber is dropped.
   */
  subscribeBatches(filter: EventFilter, maxBatch: number): EventStream<GatewayEvent[]> {
    return this.stream(filter, Math.min(256 * maxBatch, MAX_BATCH_BUFFER), (buffer, final) => {
      const size = Math.min(buffer.length, maxBatch);
      const end = final ? buffer.indexOf(final) : -1;
      const batch = buffer.splice(0, end === -1 || end >= size ? size : end + 1);
      return { item: batch, last: end !== -1 && end < size };
    });
  }

  /**
   * A bounded buffer on the bus, drained by `take`; nothing follows the event that ends the
   * scope (`final`: the instanceDelete of its one instance, or of the last of its list).
   */
  private stream<T>(
    filter: EventFilter,
    bufferSize: number,
    take: (buffer: GatewayEvent[], final: GatewayEvent | undefined) => { item: T; last: boolean },
  ): EventStream<T> {
    const types = filter.types?.length ? new Set(filter.types) : undefined;
    const named = "instanceId" in filter ? [filter.instanceId] : filter.instanceIds;
    const followed = named === "all" ? "all" : new Set(named);
    const remaining = named === "all" ? undefined : new Set(named);
    const floors = new Map<string, number>();
    const buffer: GatewayEvent[] = [];
    let final: GatewayEvent | undefined;
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
      if (closed || final || (followed !== "all" && !followed.has(event.instanceId))) return;
      // An instance's deletion counts even when it is not delivered (filtered out by type, or
      // already sent by a replay of the log): the scope shrinks.
      if (event.type === "instanceDelete" && remaining?.delete(event.instanceId) && remaining.size === 0) {
        final = event;
      }
      if ((types && !types.has(event.type)) || event.seq <= (floors.get(event.instanceId) ?? -1)) {
        if (final) wake?.();
        return;
      }
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
            const { item, last } = take(buffer, final);
            yield item;
            if (last) return;
            continue;
          }
          if (final) return;
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
    const skipThrough = (instanceId: string, seq: number) => {
      floors.set(instanceId, seq);
      let kept = 0;
      for (const event of buffer) {
        // A dropped final event still ends the stream: `final` stays set.
        if (event.instanceId !== instanceId || event.seq > seq) buffer[kept++] = event;
      }
      buffer.length = kept;
    };
    const throwIfEnded = () => {
      if (failure) throw failure;
    };
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
    return Object.assign(generator, { skipThrough, throwIfEnded });
  }
}
