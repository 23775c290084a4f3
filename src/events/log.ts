import { randomUUID } from "node:crypto";
import type { Database } from "../db/client.ts";
import { type Column, upsertRows } from "../db/row-writes.ts";
import type { MetricsRecorder } from "../metrics/gateway-metrics.ts";
import type { EventBus, EventInput } from "./bus.ts";
import { type GatewayEvent, StoredEvent } from "./types.ts";

const EVENT_COLUMNS: Column[] = [
  ["instanceId", "text"],
  ["seq", "int"],
  ["id", "text"],
  ["instanceName", "text"],
  ["type", "text"],
  ["data", "text"],
  ["createdAt", "timestamp"],
];

/** Hands committed events to the sinks; the default delivers them all at once. */
export type Publish = (events: GatewayEvent[]) => Promise<void> | void;

/**
 * The one way an event enters the gateway. Each instance's events get consecutive sequence
 * numbers and are written in the same transaction as the rows they describe; then they are
 * handed to the bus. Commits of one instance run one after the other, publishing included,
 * so every sink sees an instance's events in sequence order and the log has no gaps that a
 * later commit could fill.
 */
export class EventLog {
  private readonly lastSeq = new Map<string, number>();
  private readonly tails = new Map<string, Promise<unknown>>();
  /**
   * In a cluster: commits service events on the node that runs the instance's session, so
   * one node assigns an instance's sequence numbers; undefined when this node should.
   */
  emitElsewhere: ((inputs: readonly EventInput[]) => Promise<GatewayEvent[] | undefined>) | undefined;

  constructor(
    private readonly db: Pick<Database, "write" | "prisma">,
    private readonly bus: EventBus,
    private readonly metrics: Pick<MetricsRecorder, "eventsCommitted">,
  ) {}

  /** Commits rows and their events, then publishes the events. Rejects when the write fails. */
  commit(
    instanceId: string,
    writes: readonly unknown[],
    inputs: readonly EventInput[],
    publish: Publish = (events) => this.publishAll(events),
  ): Promise<GatewayEvent[]> {
    return this.inOrder(instanceId, () => this.commitNow(instanceId, writes, inputs, publish));
  }

  private async commitNow(
    instanceId: string,
    writes: readonly unknown[],
    inputs: readonly EventInput[],
    publish: Publish,
    attempt = 1,
  ): Promise<GatewayEvent[]> {
    const last = await this.lastSeqOf(instanceId);
    const now = new Date();
    const events = inputs.map(
      (input, index) =>
        new StoredEvent(
          randomUUID(),
          last + index + 1,
          input.instanceId,
          input.instanceName,
          input.type,
          now,
          { json: input.json ?? JSON.stringify(input.data ?? null) },
        ),
    );
    const rows = events.map((event) => [
      event.instanceId,
      event.seq,
      event.id,
      event.instanceName,
      event.type,
      event.json,
      now,
    ]);
    const eventWrites = rows.length
      ? [upsertRows("Event", EVENT_COLUMNS, rows, { on: ["id"], update: [] })]
      : [];
    try {
      await this.db.write([...writes, ...eventWrites]);
    } catch (error) {
      // Another node committed the instance's events since this one read its last seq.
      if (attempt >= 3 || !isSeqTaken(error)) throw error;
      this.forget(instanceId);
      return this.commitNow(instanceId, writes, inputs, publish, attempt + 1);
    }
    this.lastSeq.set(instanceId, last + events.length);
    if (events.length > 0) this.metrics.eventsCommitted(events);
    await publish(events);
    return events;
  }

  /** Events and no rows: what services report (newJwt, instanceDelete …). */
  async emit(inputs: EventInput | readonly EventInput[]): Promise<GatewayEvent[]> {
    const list = Array.isArray(inputs) ? inputs : [inputs as EventInput];
    if (list.length === 0) return [];
    return (await this.emitElsewhere?.(list)) ?? this.commit(list[0].instanceId, [], list);
  }

  /**
   * Forgets the instance's cached sequence number: another process may have committed its
   * events since (a cluster node taking the instance's session over reads it again).
   */
  forget(instanceId: string): void {
    this.lastSeq.delete(instanceId);
  }

  /** Resolves once every commit of the instance started so far is done. */
  settled(instanceId: string): Promise<void> {
    return this.inOrder(instanceId, async () => undefined);
  }

  /** The highest sequence number committed for an instance (0 when none). */
  lastSeqOf(instanceId: string): Promise<number> | number {
    const known = this.lastSeq.get(instanceId);
    if (known !== undefined) return known;
    return this.db.prisma.event.aggregate({ where: { instanceId }, _max: { seq: true } }).then((result) => {
      const seq = result._max.seq ?? 0;
      this.lastSeq.set(instanceId, seq);
      return seq;
    });
  }

  private publishAll(events: GatewayEvent[]): void {
    for (const event of events) this.bus.deliver(event);
  }

  private inOrder<T>(instanceId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(instanceId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(instanceId, tail);
    void tail.then(() => {
      if (this.tails.get(instanceId) === tail) this.tails.delete(instanceId);
    });
    return result;
  }
}

/** The write failed on the log's primary key (instanceId, seq): the seq is already taken. */
function isSeqTaken(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const { message, originalMessage } = cause as { message?: unknown; originalMessage?: unknown };
    for (const text of [message, originalMessage]) {
      if (typeof text === "string" && text.includes("Event_pkey")) return true;
    }
  }
  return false;
}
