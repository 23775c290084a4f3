import type { Caller } from "../../auth/access.ts";
import type { PrismaClient } from "../../db/client.ts";
import type { WebhookDeliveries } from "../../delivery/webhooks/deliveries.ts";
import type { LoggedEvent } from "../../delivery/webhooks/envelope.ts";
import type { Attempt } from "../../delivery/webhooks/sender.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { Delivery } from "../../generated/sqlite/client.ts";
import { Uuid } from "../instance/schemas.ts";
import { validate } from "../validate.ts";
import type { WebhookService, WebhookWithEvents } from "./service.ts";

/** What an owner can do about a webhook's deliveries: pause, resume, replay, redeliver, ping. */
export class WebhookDeliveryService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly webhooks: WebhookService,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  /** Deliveries wait; nothing is skipped: resuming goes on from the same event. */
  pause(caller: Caller, webhookId: string): Promise<WebhookWithEvents> {
    return this.setPaused(caller, webhookId, true);
  }

  resume(caller: Caller, webhookId: string): Promise<WebhookWithEvents> {
    return this.setPaused(caller, webhookId, false);
  }

  /**
   * Delivers again, in order, every event the log still holds from a sequence number or a
   * time on (and everything after it, as new deliveries with the same ids).
   */
  async replay(
    caller: Caller,
    webhookId: string,
    from: { seq?: number | null; since?: Date | null },
  ): Promise<WebhookWithEvents> {
    const webhook = await this.webhooks.get(caller, webhookId);
    const bySeq = from.seq !== null && from.seq !== undefined;
    const byTime = from.since !== null && from.since !== undefined;
    if (bySeq === byTime) {
      throw new ValidationError([{ path: "fromSeq", message: "give either fromSeq or since" }]);
    }
    if (bySeq && (!Number.isInteger(from.seq) || (from.seq as number) < 1)) {
      throw new ValidationError([{ path: "fromSeq", message: "must be a positive integer" }]);
    }
    let first = from.seq as number;
    if (byTime) {
      const event = await this.prisma.event.findFirst({
        where: { instanceId: webhook.instanceId, createdAt: { gte: from.since as Date } },
        orderBy: { seq: "asc" },
        select: { seq: true },
      });
      const last = await this.prisma.event.aggregate({
        where: { instanceId: webhook.instanceId },
        _max: { seq: true },
      });
      first = event?.seq ?? (last._max.seq ?? 0) + 1;
    }
    await this.deliveries.changed(webhook.id, { cursor: first - 1 });
    return this.webhooks.get(caller, webhook.id);
  }

  /** Sends one delivery's event again now, whatever its status; the attempt joins its log. */
  async redeliver(caller: Caller, deliveryId: string): Promise<Delivery> {
    const delivery = await this.prisma.delivery.findUnique({ where: { id: validate(Uuid, deliveryId) } });
    if (!delivery) throw new NotFoundError("Delivery", deliveryId);
    const webhook = await this.webhooks.get(caller, delivery.webhookId);
    const event = await this.prisma.event.findUnique({ where: { id: delivery.eventId } });
    if (!event) throw new NotFoundError("Event", delivery.eventId, "The event is no longer in the event log");
    const attempt = await this.deliveries.sendOnce(webhook, event as LoggedEvent);
    if (!attempt)
      throw new NotFoundError("Event", delivery.eventId, "The webhook's format does not send this event");
    const attempts = [...(JSON.parse(delivery.attempts) as Attempt[]), attempt];
    const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
    const data = {
      attempts: JSON.stringify(attempts),
      ...(ok ? { status: "delivered", nextAttemptAt: null } : {}),
    };
    const updated = await this.prisma.delivery.updateMany({ where: { id: delivery.id }, data });
    if (updated.count === 0) throw new NotFoundError("Delivery", deliveryId);
    return this.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
  }

  /** A signed `{type: "ping"}` request to the webhook's URL, answered with how it went. */
  async ping(caller: Caller, webhookId: string): Promise<Attempt> {
    const webhook = await this.webhooks.get(caller, webhookId);
    return this.deliveries.ping(webhook);
  }

  private async setPaused(caller: Caller, webhookId: string, paused: boolean): Promise<WebhookWithEvents> {
    const webhook = await this.webhooks.get(caller, webhookId);
    await this.deliveries.changed(webhook.id, { paused });
    return this.webhooks.get(caller, webhook.id);
  }
}
