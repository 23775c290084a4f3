import { randomUUID } from "node:crypto";
import type { Config } from "../../config.ts";
import type { Database, PrismaClient } from "../../db/client.ts";
import type { WebhookFormat } from "../../domain/webhook/schemas.ts";
import type { WebhookService, WebhookWithEvents } from "../../domain/webhook/service.ts";
import type { EventBus } from "../../events/bus.ts";
import type { EventLog } from "../../events/log.ts";
import { flagsOf } from "../../events/types.ts";
import type { Webhook } from "../../generated/sqlite/client.ts";
import type { Logger } from "../../logger.ts";
import type { MetricsRecorder, WebhookBacklog } from "../../metrics/gateway-metrics.ts";
import type { OutboundClient } from "../../outbound/client.ts";
import type { LoggedEvent } from "./envelope.ts";
import { HostLimiter } from "./host-limiter.ts";
import { WebhookPump, type WebhookTarget } from "./pump.ts";
import { type Attempt, WebhookSender } from "./sender.ts";

/** What a webhook owner changes while its pump is stopped. */
export interface WebhookUpdate {
  cursor?: number;
  paused?: boolean;
}

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
  private owns: ((instanceId: string) => boolean) | undefined;
  /** In a cluster: makes a change on the nodes that deliver the webhook; false when that is this node alone. */
  changeElsewhere: ((webhookId: string, update?: WebhookUpdate) => Promise<boolean>) | undefined;

  constructor(
    private readonly deps: {
      config: Config;
      prisma: PrismaClient;
      db: Pick<Database, "write">;
      bus: EventBus;
      outbound: OutboundClient;
      webhooks: WebhookService;
      log: Pick<EventLog, "lastSeqOf" | "emit">;
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
    for (const row of rows) this.run(this.pumpTarget(row as WebhookWithEvents));
    // In a cluster, the node that takes a deleted instance's lease runs its retired webhooks.
    if (!this.owns) await this.runRetired();
  }

  /** Runs the webhooks retired with deleted instances (one instance's, or all) that are not running yet. */
  async runRetired(instanceId?: string): Promise<void> {
    const rows = await this.deps.prisma.retiredWebhook.findMany({ where: instanceId ? { instanceId } : {} });
    for (const retired of rows) {
      if (this.pumps.has(retired.webhookId)) continue;
      // Left by a delete that failed after retiring: the webhook still runs as itself.
      if (
        await this.deps.prisma.webhook.findUnique({ where: { id: retired.webhookId }, select: { id: true } })
      ) {
        await this.deps.prisma.retiredWebhook.deleteMany({ where: { webhookId: retired.webhookId } });
        continue;
      }
      const target = JSON.parse(this.deps.webhooks.openSnapshot(retired.snapshot)) as WebhookTarget;
      this.run({ ...target, retired: true });
    }
  }

  /** Stops the pumps of the instance's retired webhooks (its lease went to another node). */
  async stopRetired(instanceId: string): Promise<void> {
    const pumps = [...(this.byInstance.get(instanceId) ?? [])].filter((pump) => pump.target.retired);
    await Promise.all(pumps.map((pump) => pump.stop()));
  }

  /**
   * The instance is about to be deleted (its instanceDelete comes next): its webhooks are kept
   * as snapshots until their last events are delivered, so a restart meanwhile loses nothing.
   */
  async retire(instanceId: string): Promise<void> {
    const { prisma, webhooks } = this.deps;
    const rows = await prisma.webhook.findMany({
      where: { instanceId, enabled: true },
      include: { events: true },
    });
    await prisma.retiredWebhook.createMany({
      data: rows.map((row) => ({
        webhookId: row.id,
        instanceId,
        snapshot: webhooks.sealSnapshot(JSON.stringify(this.pumpTarget(row as WebhookWithEvents))),
      })),
    });
  }

  private pumpTarget(row: WebhookWithEvents): WebhookTarget {
    return { ...this.target(row), flags: flagsOf(row.events) };
  }

  /**
   * The webhook changed (or was deleted): its pump follows. `update` is stored after the pump
   * stopped and before a new one starts (moving the cursor, say). In a cluster the node that
   * delivers the webhook does this.
   */
  async changed(webhookId: string, update?: WebhookUpdate): Promise<void> {
    if (!(await this.changeElsewhere?.(webhookId, update))) await this.changedHere(webhookId, update);
  }

  /** `changed` on this node, whatever node delivers the webhook. */
  changedHere(webhookId: string, update?: WebhookUpdate): Promise<void> {
    const previous = this.changes.get(webhookId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.pumps.get(webhookId)?.stop();
      if (update) await this.deps.prisma.webhook.updateMany({ where: { id: webhookId }, data: update });
      if (this.closed) return;
      const row = await this.deps.prisma.webhook.findUnique({
        where: { id: webhookId },
        include: { events: true },
      });
      if (!row) this.deps.metrics.forgetWebhook(webhookId);
      if (row?.events && row.enabled && !row.paused) this.run(this.pumpTarget(row as WebhookWithEvents));
    });
    const settled = next.catch((error: unknown) => {
      this.deps.logger.error({ err: error, webhookId }, "could not restart webhook deliveries");
      throw error;
    });
    const tail = settled.catch(() => undefined);
    this.changes.set(webhookId, tail);
    void tail.then(() => {
      if (this.changes.get(webhookId) === tail) this.changes.delete(webhookId);
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

  /**
   * Sends one logged event to a webhook now, outside its pump's order (a redelivery asked for
   * by its owner). Null when the webhook's format has no name for the event.
   */
  async sendOnce(row: Webhook, event: LoggedEvent): Promise<Attempt | null> {
    const sender = new WebhookSender(this.target(row), this.senderDeps());
    const request = await sender.envelope(event);
    return request ? (await sender.send(event.id, request)).attempt : null;
  }

  /** A signed test request, `{type: "ping"}`, outside the event log. */
  async ping(row: Webhook): Promise<Attempt> {
    const sender = new WebhookSender(this.target(row), this.senderDeps());
    const id = `ping_${randomUUID()}`;
    const body = JSON.stringify({ id, type: "ping", webhookId: row.id, timestamp: new Date().toISOString() });
    return (await sender.send(id, { body, headers: {} })).attempt;
  }

  private target(row: Webhook) {
    const { webhooks } = this.deps;
    const secrets = [webhooks.signingSecret(row)];
    if (row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > new Date()) {
      secrets.push(webhooks.signingSecret({ secret: row.previousSecret }));
    }
    return {
      id: row.id,
      instanceId: row.instanceId,
      url: row.url,
      format: row.format as WebhookFormat,
      authorization: webhooks.authorization(row),
      mediaBase64: row.mediaBase64,
      secrets,
      cursor: row.cursor,
    };
  }

  private senderDeps() {
    const { prisma, outbound, config } = this.deps;
    return {
      prisma,
      outbound,
      hosts: this.hosts,
      serverUrl: config.PUBLIC_URL ?? null,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      mediaMaxBytes: config.MEDIA_MAX_BYTES,
    };
  }

  /**
   * In a cluster, a webhook's events are delivered by the node that runs its instance's
   * session, and by no other: `owns` says which instances this node runs.
   */
  placeWith(owns: (instanceId: string) => boolean): void {
    this.owns = owns;
  }

  /** The instance's session came to this node or left it: its webhooks' pumps follow. */
  async followInstance(instanceId: string): Promise<void> {
    const ids = new Set([...(this.byInstance.get(instanceId) ?? [])].map((pump) => pump.target.id));
    const rows = await this.deps.prisma.webhook.findMany({ where: { instanceId }, select: { id: true } });
    for (const row of rows) ids.add(row.id);
    await Promise.all([...ids].map((id) => this.changedHere(id)));
  }

  private run(row: WebhookTarget): void {
    // A deleted instance's last events go out from the node that deleted it.
    if (this.owns && !row.retired && !this.owns(row.instanceId)) return;
    const { prisma, db, outbound, logger, config } = this.deps;
    const pump = new WebhookPump(row, {
      prisma,
      db,
      outbound,
      hosts: this.hosts,
      logger: logger.child({ part: "webhooks", webhook: row.id, instanceId: row.instanceId }),
      metrics: this.deps.metrics,
      schedule: config.WEBHOOK_RETRY_SCHEDULE,
      serverUrl: config.PUBLIC_URL ?? null,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      mediaMaxBytes: config.MEDIA_MAX_BYTES,
      disable: (webhookId, reason, eventId) =>
        this.disable(webhookId, reason, { instanceId: row.instanceId, eventId }),
      lastDelivered: async (webhookId) => {
        await prisma.retiredWebhook.deleteMany({ where: { webhookId } });
      },
    });
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
    try {
      const { count } = await this.deps.prisma.webhook.updateMany({
        where: { id: webhookId },
        data: { enabled: false, disabledReason: reason },
      });
      const row = await this.deps.prisma.webhook.findUnique({
        where: { id: webhookId },
        include: { instance: true },
      });
      if (count === 0 || !row) return;
      // Said where the owner looks: subscriptions and the instance's other webhooks.
      await this.deps.log.emit({
        instanceId: row.instanceId,
        instanceName: row.instance.name,
        type: "webhookDisabled",
        data: { webhookId, name: row.name, url: row.url, reason, eventId: about.eventId },
      });
    } catch (error) {
      this.deps.logger.debug({ err: error, webhookId }, "webhook gone");
    }
  }
}
