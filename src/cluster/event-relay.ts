import type { PrismaClient } from "../db/client.ts";
import type { EventBus } from "../events/bus.ts";
import { type EventType, type GatewayEvent, StoredEvent } from "../events/types.ts";
import type { Logger } from "../logger.ts";
import type { ClusterLink } from "./link.ts";

/** An event as it travels between nodes. */
export type WireEvent = [
  id: string,
  seq: number,
  instanceId: string,
  instanceName: string,
  type: string,
  timestamp: Date,
  json: string,
];

export function toWire(event: GatewayEvent): WireEvent {
  return [event.id, event.seq, event.instanceId, event.instanceName, event.type, event.timestamp, event.json];
}

export function fromWire([
  id,
  seq,
  instanceId,
  instanceName,
  type,
  timestamp,
  json,
]: WireEvent): GatewayEvent {
  return new StoredEvent(id, seq, instanceId, instanceName, type as EventType, timestamp, { json });
}

const TOPIC = "events";

/**
 * Every node's bus carries the events committed on every node. Events committed here are
 * broadcast (one message per event-loop turn); those of other nodes are delivered on this
 * node's bus in each instance's sequence order, and a gap (a message pub/sub lost, or events
 * committed by a third node) is filled from the log first, so a subscriber here misses none.
 */
export class EventRelay {
  /** Per instance, the last sequence number this node's bus carried. */
  private readonly delivered = new Map<string, number>();
  /** Per instance, the remote events still being put in order (a gap being read). */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly relayed = new WeakSet<GatewayEvent>();
  private outgoing: WireEvent[] = [];
  private flushing = false;
  private off: (() => void) | undefined;

  constructor(
    private readonly link: ClusterLink,
    private readonly bus: EventBus,
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
  ) {
    link.onBroadcast(TOPIC, (value) => this.receive(value as { from: string; events: WireEvent[] }));
  }

  start(): void {
    this.off = this.bus.on((event) => {
      if (event.seq > (this.delivered.get(event.instanceId) ?? 0))
        this.delivered.set(event.instanceId, event.seq);
      if (event.type === "instanceDelete") this.delivered.delete(event.instanceId);
      if (this.relayed.has(event) || event.seq === 0) return;
      this.outgoing.push(toWire(event));
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  stop(): void {
    this.off?.();
    this.flush();
  }

  /**
   * Before this node commits an instance's events (it takes the session over): what the
   * former node committed and never broadcast (it died first) goes on this node's bus first.
   */
  async catchUp(instanceId: string): Promise<void> {
    const last = this.delivered.get(instanceId);
    if (last === undefined) return;
    const work = (this.pending.get(instanceId) ?? Promise.resolve()).then(async () => {
      const missing = await this.prisma.event.findMany({
        where: { instanceId, seq: { gt: this.delivered.get(instanceId) ?? last } },
        orderBy: { seq: "asc" },
      });
      for (const row of missing) this.deliverRemote(StoredEvent.fromRow(row));
    });
    this.chain(instanceId, work);
    await this.pending.get(instanceId);
  }

  /** Resolves once the remote events received so far are on this node's bus. */
  async settled(): Promise<void> {
    await Promise.all(this.pending.values());
  }

  private flush(): void {
    this.flushing = false;
    if (this.outgoing.length === 0) return;
    const events = this.outgoing;
    this.outgoing = [];
    this.link.broadcast(TOPIC, { from: this.link.nodeId, events }).catch((error: unknown) => {
      // The other nodes' subscribers fill the gap from the log with the instance's next event.
      this.logger.warn({ err: error, events: events.length }, "could not broadcast events to the cluster");
    });
  }

  private receive(message: { from: string; events: WireEvent[] }): void {
    if (message.from === this.link.nodeId) return;
    for (const wire of message.events) {
      const event = fromWire(wire);
      const waiting = this.pending.get(event.instanceId);
      if (waiting) {
        this.chain(
          event.instanceId,
          waiting.then(() => this.deliverInOrder(event)),
        );
        continue;
      }
      const last = this.delivered.get(event.instanceId);
      if (last !== undefined && event.seq > last + 1) {
        this.chain(event.instanceId, this.deliverInOrder(event));
      } else if (last === undefined || event.seq === last + 1) {
        this.deliverRemote(event);
      }
    }
  }

  /** Delivers the log's events between the last one carried here and `event`, then `event`. */
  private async deliverInOrder(event: GatewayEvent): Promise<void> {
    const last = this.delivered.get(event.instanceId);
    if (last !== undefined && event.seq <= last) return;
    if (last !== undefined && event.seq > last + 1) {
      const missing = await this.prisma.event.findMany({
        where: { instanceId: event.instanceId, seq: { gt: last, lt: event.seq } },
        orderBy: { seq: "asc" },
      });
      for (const row of missing) {
        if (row.seq > (this.delivered.get(event.instanceId) ?? 0)) {
          this.deliverRemote(StoredEvent.fromRow(row));
        }
      }
    }
    if (event.seq > (this.delivered.get(event.instanceId) ?? 0)) this.deliverRemote(event);
  }

  private chain(instanceId: string, work: Promise<void>): void {
    const tail = work.catch((error: unknown) => {
      this.logger.warn({ err: error, instanceId }, "could not read the events a node missed");
    });
    this.pending.set(instanceId, tail);
    void tail.then(() => {
      if (this.pending.get(instanceId) === tail) this.pending.delete(instanceId);
    });
  }

  private deliverRemote(event: GatewayEvent): void {
    this.relayed.add(event);
    this.bus.deliver(event);
  }
}
