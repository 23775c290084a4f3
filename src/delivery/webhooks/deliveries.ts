import type { Config } from "../../config.ts";
import type { PrismaClient } from "../../db/client.ts";
import type { WebhookFormat } from "../../domain/webhook/schemas.ts";
import type { WebhookService, WebhookWithEvents } from "../../domain/webhook/service.ts";
import type { EventBus } from "../../events/bus.ts";
import type { EventLog } from "../../events/log.ts";
import { flagsOf } from "../../events/types.ts";
import type { Logger } from "../../logger.ts";
import type { MetricsRecorder, WebhookBacklog } from "../../metrics/gateway-metrics.ts";
import type { OutboundClient } from "../../outbound/client.ts";
import { HostLimiter } from "./host-limiter.ts";
import { WebhookPump } from "./pump.ts";

/**
 * Runs a pump per enabled, unpaused webhook and wakes the pumps of an instance when its
 * events are committed. A change to a webhook replaces its pump (after the old one stopped,
 * so two never deliver for one webhook at a time).
 */
export class WebhookDeliveries {
  private readonly pumps = new Map<string, WebhookPump>();
  private readonly byInstance = new Map<string, Set<WebhookPump>>();
  /** Each webhook's replacement runs after the previous one. */
  private readonly changes = new Map<string, Promise<void>>();
  private readonly hosts: HostLimiter;
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly deps: {
      config: Config;
      prisma: PrismaClient;
      bus: EventBus;
      outbound: OutboundClient;
      webhooks: WebhookService;
      log: Pick<EventLog, "lastSeqOf">;
      logger: Logger;
      metrics: MetricsRecorder;
    },
  ) {
    this.hosts = new HostLimiter(deps.config.WEBHOOK_HOST_CONCURRENCY);
  }

  async start(): Promise<void> {
    this.unsubscribe = this.deps.bus.on((event) => {
      const pumps = this.byInstance.get(event.instanceId);
      if (pumps) for (const pump of pumps) pump.wake(event);
    });
    const rows = await this.deps.prisma.webhook.findMany({
      where: { enabled: true, paused: false },
      include: { events: true },
    });
    for (const row of rows) this.run(row as WebhookWithEvents);
  }

  /** The webhook changed (or was deleted): its pump follows. */
  changed(webhookId: string): Promise<void> {
    const previous = this.changes.get(webhookId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.pumps.get(webhookId)?.stop();
      if (this.closed) return;
      const row = await this.deps.prisma.webhook.findUnique({
        where: { id: webhookId },
        include: { events: true },
      });
      if (!row) this.deps.metrics.forgetWebhook(webhookId);
      if (row?.events && row.enabled && !row.paused) this.run(row as WebhookWithEvents);
    });
    const settled = next.catch((error: unknown) => {
      this.deps.logger.error({ err: error, webhookId }, "could not restart webhook deliveries");
    });
    this.changes.set(webhookId, settled);
    void settled.then(() => {
      if (this.changes.get(webhookId) === settled) this.changes.delete(webhookId);
    });
    return settled;
  }

  /**
   * Each enabled webhook's backlog: events after its stored cursor (a pump stores it before
   * it waits, and every 200 events while it works) and the age of the first of them. A
   * query per webhook that is behind.
   */
  async backlogs(): Promise<WebhookBacklog[]> {
    const { prisma, log } = this.deps;
    const rows = await prisma.webhook.findMany({
      where: { enabled: true },
      select: { id: true, instanceId: true, cursor: true },
    });
    const now = Date.now();
    return Promise.all(
      rows.map(async (row) => {
        const lag = Math.max(0, (await log.lastSeqOf(row.instanceId)) - row.cursor);
        const oldest =
          lag > 0
            ? await prisma.event.findFirst({
                where: { instanceId: row.instanceId, seq: { gt: row.cursor } },
                orderBy: { seq: "asc" },
                select: { createdAt: true },
              })
            : null;
        const oldestAgeSeconds = oldest ? Math.max(0, now - oldest.createdAt.getTime()) / 1000 : 0;
        return { webhookId: row.id, lag, oldestAgeSeconds };
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    await Promise.all([...this.changes.values()]);
    await Promise.all([...this.pumps.values()].map((pump) => pump.stop()));
  }

  private run(row: WebhookWithEvents): void {
    const { webhooks, prisma, outbound, logger, config } = this.deps;
    const secrets = [webhooks.signingSecret(row)];
    if (row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > new Date()) {
      secrets.push(webhooks.signingSecret({ secret: row.previousSecret }));
    }
    const pump = new WebhookPump(
      {
        id: row.id,
        instanceId: row.instanceId,
        url: row.url,
        format: row.format as WebhookFormat,
        flags: flagsOf(row.events),
        authorization: webhooks.authorization(row),
        secrets,
        cursor: row.cursor,
      },
      {
        prisma,
        outbound,
        hosts: this.hosts,
        logger: logger.child({ part: "webhooks", webhook: row.id, instanceId: row.instanceId }),
        metrics: this.deps.metrics,
        schedule: config.WEBHOOK_RETRY_SCHEDULE,
        serverUrl: config.PUBLIC_URL ?? null,
        disable: (webhookId, reason, eventId) =>
          this.disable(webhookId, reason, { instanceId: row.instanceId, eventId }),
      },
    );
    this.pumps.set(row.id, pump);
    let instancePumps = this.byInstance.get(row.instanceId);
    if (!instancePumps) {
      instancePumps = new Set();
      this.byInstance.set(row.instanceId, instancePumps);
    }
    instancePumps.add(pump);
    void pump.finished.then(() => {
      if (this.pumps.get(row.id) === pump) this.pumps.delete(row.id);
      instancePumps.delete(pump);
      if (instancePumps.size === 0 && this.byInstance.get(row.instanceId) === instancePumps) {
        this.byInstance.delete(row.instanceId);
      }
    });
  }

  private async disable(
    webhookId: string,
    reason: string,
    about: { instanceId: string; eventId: string },
  ): Promise<void> {
    this.deps.logger.warn({ webhookId, reason, ...about }, "webhook disabled");
    await this.deps.prisma.webhook
      .updateMany({ where: { id: webhookId }, data: { enabled: false, disabledReason: reason } })
      .catch((error: unknown) => this.deps.logger.debug({ err: error, webhookId }, "webhook gone"));
  }
}
