import { randomUUID } from "node:crypto";
import type { Database, PrismaClient } from "../../db/client.ts";
import { type Column, upsertRows } from "../../db/row-writes.ts";
import { type EventFlags, type EventType, isAlwaysDelivered } from "../../events/types.ts";
import type { Logger } from "../../logger.ts";
import type { MetricsRecorder } from "../../metrics/gateway-metrics.ts";
import type { OutboundClient } from "../../outbound/client.ts";
import type { LoggedEvent } from "./envelope.ts";
import type { HostLimiter } from "./host-limiter.ts";
import { type Attempt, jitter, type SenderTarget, succeeded, WebhookSender } from "./sender.ts";

/** A webhook as its pump holds it: a snapshot, so deliveries go on after its row is gone. */
export interface WebhookTarget extends SenderTarget {
  id: string;
  flags: EventFlags;
  cursor: number;
  /** Its instance was deleted: it delivers what is left, instanceDelete last, and ends. */
  retired?: boolean;
}

export interface PumpDeps {
  prisma: PrismaClient;
  db: Pick<Database, "write">;
  outbound: OutboundClient;
  hosts: HostLimiter;
  logger: Logger;
  metrics: Pick<MetricsRecorder, "webhookAttempt">;
  /** Delay before each attempt, the first included. */
  schedule: readonly number[];
  serverUrl: string | null;
  /** A whole request's time limit. */
  timeoutMs: number;
  /** Largest media file inlined (mediaBase64). */
  mediaMaxBytes: number;
  /** The gateway turns the webhook off (410 Gone, or the event's delivery failed on every attempt). */
  disable(webhookId: string, reason: string, eventId: string): Promise<void>;
  /** The instance's last event (instanceDelete) was handled: a retired webhook is done. */
  lastDelivered(webhookId: string): Promise<void>;
}

const PAGE = 200;
const DELIVERY_COLUMNS: readonly Column[] = [
  ["id", "text"],
  ["webhookId", "text"],
  ["instanceId", "text"],
  ["eventId", "text"],
  ["seq", "int"],
  ["eventType", "text"],
  ["status", "text"],
  ["attempts", "text"],
  ["nextAttemptAt", "timestamp"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];
const FLUSH_EVERY = 200;
/** Retry-After is honoured up to this long. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

type Outcome = "delivered" | "failed" | "stopped";

/**
 * Delivers one webhook's events from the log, one at a time and in sequence order: an event
 * is retried on the schedule before the next one goes, so a healthy receiver sees them in
 * order. Each webhook has its own pump, so a slow or dead receiver delays no one else.
 */
export class WebhookPump {
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private readonly sender: WebhookSender;
  private readonly done: {
    webhookId: string;
    instanceId: string;
    eventId: string;
    seq: number;
    eventType: string;
    status: string;
    attempts: string;
  }[] = [];
  private cursor: number;
  private savedCursor: number;
  /** Set once the instance is deleted: its rows are gone, so nothing is recorded any more. */
  private orphan = false;
  readonly finished: Promise<void>;

  constructor(
    readonly target: WebhookTarget,
    private readonly deps: PumpDeps,
  ) {
    this.sender = new WebhookSender(target, deps);
    this.cursor = target.cursor;
    this.savedCursor = target.cursor;
    if (target.retired) {
      this.orphan = true;
      this.sender.orphan = true;
    }
    this.finished = this.run().catch((error: unknown) => {
      this.deps.logger.error({ err: error, webhookId: target.id }, "webhook deliveries stopped");
    });
  }

  /** New events were committed for the instance. */
  wake(event?: { type: EventType }): void {
    if (event?.type === "connectionUpdate") this.sender.forgetAccount();
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops after the request in flight; resolves once stopped, progress saved. */
  stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    return this.finished;
  }

  private async run(): Promise<void> {
    const pending = await this.deps.prisma.delivery.findFirst({
      where: { webhookId: this.target.id, status: "pending", seq: { gt: this.cursor } },
      orderBy: { seq: "asc" },
    });
    let resumed = pending
      ? {
          eventId: pending.eventId,
          attempts: JSON.parse(pending.attempts) as Attempt[],
          nextAt: pending.nextAttemptAt,
        }
      : undefined;
    try {
      while (!this.stopped) {
        this.woken = false;
        const page = await this.deps.prisma.event.findMany({
          where: { instanceId: this.target.instanceId, seq: { gt: this.cursor } },
          orderBy: { seq: "asc" },
          take: PAGE,
        });
        if (page.length === 0) {
          await this.flush();
          await this.idle();
          continue;
        }
        for (const row of page) {
          const event = row as LoggedEvent;
          const wanted = isAlwaysDelivered(event.type) || this.target.flags[event.type as keyof EventFlags];
          if (event.type === "instanceDelete") {
            this.orphan = true;
            this.sender.orphan = true;
          }
          const request = wanted ? await this.sender.envelope(event) : null;
          if (request) {
            const earlier = resumed?.eventId === event.id ? resumed : undefined;
            resumed = undefined;
            const outcome = await this.deliver(event, request, earlier);
            if (outcome === "stopped") return;
            if (outcome === "failed") {
              this.cursor = event.seq;
              await this.flush();
              await this.deps.disable(
                this.target.id,
                "a delivery failed on every attempt of the retry schedule",
                event.id,
              );
              await this.ended();
              return;
            }
          }
          this.cursor = event.seq;
          if (event.type === "instanceDelete") {
            await this.ended();
            return;
          }
          if (this.done.length >= FLUSH_EVERY) await this.flush();
          if (this.stopped) return;
        }
      }
    } finally {
      await this.flush();
    }
  }

  /** Nothing more will be delivered: a deleted instance's webhook is let go. */
  private async ended(): Promise<void> {
    if (this.orphan) await this.deps.lastDelivered(this.target.id);
  }

  /** One event: attempts on the schedule until one succeeds, the schedule is spent, or the pump stops. */
  private async deliver(
    event: LoggedEvent,
    request: { body: string; headers: Record<string, string> },
    earlier?: { attempts: Attempt[]; nextAt: Date | null },
  ): Promise<Outcome> {
    const attempts = earlier?.attempts ?? [];
    let delay = earlier?.nextAt ? earlier.nextAt.getTime() - Date.now() : this.deps.schedule[0];
    while (true) {
      if (delay > 0) {
        await this.flush();
        await this.sleep(delay);
      }
      if (this.stopped) return "stopped";
      const started = performance.now();
      const { attempt, retryAfterMs } = await this.sender.send(event.id, request);
      const seconds = (attempt.latencyMs ?? performance.now() - started) / 1000;
      attempts.push(attempt);
      if (succeeded(attempt)) {
        this.deps.metrics.webhookAttempt(this.target.id, "success", seconds);
        this.deps.logger.debug(
          { eventId: event.id, seq: event.seq, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs },
          "webhook delivered",
        );
        this.record(event, "delivered", attempts);
        return "delivered";
      }
      const gone = attempt.statusCode === 410;
      this.deps.metrics.webhookAttempt(this.target.id, gone ? "gone" : "failure", seconds);
      this.deps.logger.info(
        {
          webhookId: this.target.id,
          eventId: event.id,
          instance: event.instanceName,
          statusCode: attempt.statusCode,
          error: attempt.error,
        },
        "webhook delivery attempt failed",
      );
      if (gone) {
        this.record(event, "failed", attempts);
        this.cursor = event.seq;
        await this.flush();
        await this.deps.disable(this.target.id, "the receiver answered 410 Gone", event.id);
        await this.ended();
        return "stopped";
      }
      if (attempts.length >= this.deps.schedule.length) {
        this.record(event, "failed", attempts);
        return "failed";
      }
      delay = jitter(this.deps.schedule[attempts.length]);
      if (retryAfterMs !== undefined) delay = Math.max(delay, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
      await this.savePending(event, attempts, new Date(Date.now() + delay));
    }
  }

  private record(event: LoggedEvent, status: "delivered" | "failed", attempts: Attempt[]): void {
    if (this.orphan) return;
    this.done.push({
      webhookId: this.target.id,
      instanceId: this.target.instanceId,
      eventId: event.id,
      seq: event.seq,
      eventType: event.type,
      status,
      attempts: JSON.stringify(attempts),
    });
  }

  private async savePending(event: LoggedEvent, attempts: Attempt[], nextAttemptAt: Date): Promise<void> {
    await this.flush();
    if (this.orphan) return;
    const data = { status: "pending", attempts: JSON.stringify(attempts), nextAttemptAt };
    await this.deps.prisma.delivery
      .upsert({
        where: { webhookId_eventId: { webhookId: this.target.id, eventId: event.id } },
        create: {
          webhookId: this.target.id,
          instanceId: this.target.instanceId,
          eventId: event.id,
          seq: event.seq,
          eventType: event.type,
          ...data,
        },
        update: data,
      })
      .catch((error: unknown) =>
        this.deps.logger.debug({ err: error, webhookId: this.target.id }, "webhook gone"),
      );
  }

  /**
   * Writes finished deliveries and the cursor together. The rows go as one row write (a
   * pending row of a retried event is overwritten): hundreds of rows through the ORM cost
   * more event-loop time than the requests they record.
   */
  private async flush(): Promise<void> {
    if (this.done.length === 0 && this.cursor === this.savedCursor) return;
    const rows = this.done.splice(0);
    const cursor = this.cursor;
    if (this.orphan) return;
    const now = new Date();
    const deliveries = rows.map((row) => [
      randomUUID(),
      row.webhookId,
      row.instanceId,
      row.eventId,
      row.seq,
      row.eventType,
      row.status,
      row.attempts,
      null,
      now,
      now,
    ]);
    try {
      await this.deps.db.write([
        ...(deliveries.length
          ? [
              upsertRows("Delivery", DELIVERY_COLUMNS, deliveries, {
                on: ["webhookId", "eventId"],
                update: ["status", "attempts", "nextAttemptAt", "updatedAt"],
              }),
            ]
          : []),
        this.deps.prisma.webhook.updateMany({ where: { id: this.target.id }, data: { cursor } }),
      ]);
      this.savedCursor = cursor;
    } catch (error) {
      // The webhook was deleted meanwhile (its instance with it, or by its owner).
      this.deps.logger.debug({ err: error, webhookId: this.target.id }, "webhook deliveries not recorded");
    }
  }

  private idle(): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.wakeUp = () => {
        this.wakeUp = undefined;
        resolve();
      };
    });
  }

  /** Waits, unless the pump is stopped meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        if (!this.stopped) return;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
