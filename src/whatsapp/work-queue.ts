import type { EventBus, EventInput } from "../events/bus.ts";
import type { EventLog } from "../events/log.ts";
import type { GatewayEvent } from "../events/types.ts";
import type { Logger } from "../logger.ts";
import { plainJson } from "./plain.ts";

const PUBLISH_SLICE = 64;

/** A unit of engine work: rows to write, then the events that report them. */
export interface Job {
  writes: () => unknown[];
  /**
   * Rows that can be written together with those of the jobs right before and after it
   * (same key): one multi-row statement for a whole burst instead of one per job.
   */
  merge?: { key: string; items: unknown[]; write: (items: unknown[]) => unknown[] };
  events: EventInput[];
  /** Called once the job is written and its events are published. */
  done?: () => void;
}

export interface WorkQueueOptions {
  /** Most jobs written in one transaction. */
  batchSize: number;
  /** How long a first job waits for company, so a burst is written in few transactions. */
  lingerMs: number;
  /** Above this many queued jobs the socket is paused; it resumes below half of it. */
  highWater: number;
  onPressure(paused: boolean): void;
}

/**
 * The engine's own queue for one instance. Baileys does not await its handlers, so every
 * event becomes a job here: one worker drains them in arrival order (a chat's messages are
 * never reordered), commits a batch with its events in one transaction (the event log),
 * then publishes the events. When
 * jobs pile up the socket is paused instead of letting memory grow.
 *
 * Baileys works through a burst it has read in promise callbacks alone, during which no
 * timer or I/O callback runs. So a full batch of jobs starts the worker from a promise
 * callback too, and publishing yields to the event loop only while a subscriber needs it:
 * otherwise the whole burst would wait for Baileys to finish, then be written after it.
 */
export class WorkQueue {
  private readonly jobs: Job[] = [];
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private paused = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly instanceId: string,
    private readonly log: EventLog,
    private readonly bus: Pick<EventBus, "deliver" | "crowded">,
    private readonly logger: Logger,
    private readonly options: WorkQueueOptions,
  ) {}

  get size(): number {
    return this.jobs.length;
  }

  push(job: Job): void {
    this.jobs.push(job);
    if (!this.paused && this.jobs.length >= this.options.highWater) {
      this.paused = true;
      this.options.onPressure(true);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.running || this.jobs.length === 0) return;
    if (this.jobs.length >= this.options.batchSize) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.running = true;
      queueMicrotask(() => void this.drain());
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        if (this.running) return;
        this.running = true;
        void this.drain();
      }, this.options.lingerMs);
    }
  }

  /** Queues a job and resolves once it is written and its events are published. */
  pushAndWait(job: Job): Promise<void> {
    return new Promise((resolve) => this.push({ ...job, done: resolve }));
  }

  /** Resolves once every job queued so far is written and published. */
  idle(): Promise<void> {
    if (!this.running && !this.timer && this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    try {
      do {
        const batch = this.jobs.splice(0, this.options.batchSize);
        await this.commit(batch);
        if (this.paused && this.jobs.length <= this.options.highWater / 2) {
          this.paused = false;
          this.options.onPressure(false);
        }
        // Less than a full batch waits for company (the linger timer) or for more jobs.
      } while (this.jobs.length >= this.options.batchSize);
    } finally {
      this.running = false;
      this.schedule();
      if (this.jobs.length === 0 && !this.timer) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    }
  }

  /**
   * The batch's statements in job order, except that all jobs with the same merge key are
   * written together at the place of the first one (rows of a burst in one statement).
   */
  private statements(batch: Job[]): unknown[] {
    const groups = new Map<string, { items: unknown[]; write: (items: unknown[]) => unknown[] }>();
    const order: (Job | string)[] = [];
    for (const job of batch) {
      if (job.merge) {
        const group = groups.get(job.merge.key);
        if (group) group.items.push(...job.merge.items);
        else {
          groups.set(job.merge.key, { items: [...job.merge.items], write: job.merge.write });
          order.push(job.merge.key);
        }
      }
      order.push(job);
    }
    return order.flatMap((entry) => {
      if (typeof entry !== "string") return entry.writes();
      const group = groups.get(entry);
      return group ? group.write(group.items) : [];
    });
  }

  /** Writes the batch's rows and events together, then publishes the events in order. */
  private async commit(batch: Job[]): Promise<void> {
    const inputs = batch.flatMap((job) => job.events.map(plainInput));
    try {
      await this.log.commit(this.instanceId, this.statements(batch), inputs, (events) =>
        this.publish(batch, events),
      );
    } catch (error) {
      // One bad row must not cost the rest of the batch: retry job by job.
      this.logger.warn({ err: error, jobs: batch.length }, "batch write failed, writing jobs one by one");
      for (const job of batch) {
        const events = job.events.map(plainInput);
        const publish = (logged: GatewayEvent[]) => this.publish([job], logged);
        try {
          await this.log.commit(this.instanceId, this.statements([job]), events, publish);
        } catch (jobError) {
          // The rows are lost; what WhatsApp reported is not: its events are logged alone.
          const logged = await this.log
            .commit(this.instanceId, [], events, publish)
            .catch((logError: unknown) => {
              this.logger.error(
                { err: logError, eventTypes: events.map((event) => event.type) },
                "event log write failed: the job's events are lost",
              );
              job.done?.();
              return [];
            });
          this.logger.error(
            { err: jobError, eventIds: logged.map((event) => event.id) },
            "engine write failed: the job's rows are lost",
          );
        }
      }
    }
  }

  private async publish(batch: Job[], events: GatewayEvent[]): Promise<void> {
    // One line per batch, at debug: an event can be followed from here to its deliveries.
    if (events.length > 0 && this.logger.isLevelEnabled("debug")) {
      this.logger.debug(
        { events: events.map((event) => `${event.seq} ${event.type} ${event.id}`) },
        "events committed",
      );
    }
    let next = 0;
    for (const job of batch) {
      for (let count = 0; count < job.events.length; count += 1) {
        this.bus.deliver(events[next++]);
        // A batch may hold more events than a subscriber buffers (256): when one fills
        // up, let it send (an event-loop turn), so a fast reader is not taken for a slow one.
        if (next % PUBLISH_SLICE === 0 && this.bus.crowded()) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      job.done?.();
    }
  }
}

/** Event data becomes plain JSON text here, once: no protobuf objects, Longs or Buffers leave. */
function plainInput(input: EventInput): EventInput {
  return input.json === undefined ? { ...input, json: plainJson(input.data) ?? "null" } : input;
}
