import type { Config } from "../config.ts";
import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";

const CHUNK = 2000;
const EVERY_MS = 60_000;

/**
 * Prunes the event log in the background: events older than EVENT_RETENTION_DAYS, and the
 * oldest beyond EVENT_LOG_MAX_ROWS. An event still owed to an enabled webhook is kept until
 * its retry window (the whole schedule) has passed. Deletes run in small chunks with a
 * pause between them, so the engine's writes are never held up for long.
 */
export class EventRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly config: Pick<
      Config,
      "EVENT_RETENTION_DAYS" | "EVENT_LOG_MAX_ROWS" | "WEBHOOK_RETRY_SCHEDULE"
    >,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass; resolves with how many events it removed. */
  prune(now = new Date()): Promise<number> {
    this.running ??= this.pass(now)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, "pruning the event log failed");
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(now: Date): Promise<number> {
    const retryWindowMs = this.config.WEBHOOK_RETRY_SCHEDULE.reduce((sum, delay) => sum + delay, 0) * 1.1;
    const owed = await this.prisma.webhook.groupBy({
      by: ["instanceId"],
      where: { enabled: true },
      _min: { cursor: true },
    });
    const keep = owed.map((webhook) => ({
      instanceId: webhook.instanceId,
      seq: { gt: webhook._min.cursor ?? 0 },
      createdAt: { gt: new Date(now.getTime() - retryWindowMs) },
    }));
    const notOwed = keep.length > 0 ? { NOT: keep } : {};
    const cutoff = new Date(now.getTime() - this.config.EVENT_RETENTION_DAYS * 86_400_000);
    let removed = await this.deleteWhere({ createdAt: { lt: cutoff }, ...notOwed });
    const excess = (await this.prisma.event.count()) - this.config.EVENT_LOG_MAX_ROWS;
    if (excess > 0) removed += await this.deleteWhere(notOwed, excess);
    if (removed > 0) this.logger.info({ removed }, "pruned the event log");
    return removed;
  }

  /** Deletes the oldest events matching `where`, at most `limit` of them, a chunk at a time. */
  private async deleteWhere(
    where: NonNullable<Parameters<PrismaClient["event"]["findMany"]>[0]>["where"],
    limit = Number.POSITIVE_INFINITY,
  ) {
    let removed = 0;
    while (removed < limit) {
      const rows = await this.prisma.event.findMany({
        where,
        select: { id: true },
        orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
        take: Math.min(CHUNK, limit - removed),
      });
      if (rows.length === 0) break;
      const { count } = await this.prisma.event.deleteMany({
        where: { id: { in: rows.map((row) => row.id) } },
      });
      removed += count;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return removed;
  }
}
