// A webhook's delivery log and what its owner can do about it.
import type { Attempt } from "../../delivery/webhooks/sender.ts";
import type { EventType } from "../../events/types.ts";
import { ownedByInstance } from "../../graphql/access.ts";
import { builder } from "../../graphql/builder.ts";
import { ACCESS_ERRORS } from "../../graphql/errors.ts";
import { EventTypeEnum } from "../../graphql/flags.ts";
import { rawId } from "../../graphql/ids.ts";
import { WebhookNode } from "./graphql.ts";

const DeliveryStatus = builder.enumType("DeliveryStatus", {
  values: {
    PENDING: { value: "pending", description: "Failed so far; the next attempt is scheduled." },
    DELIVERED: { value: "delivered", description: "The receiver answered 2xx." },
    FAILED: {
      value: "failed",
      description: "Every attempt of the retry schedule failed, or the receiver answered 410.",
    },
  } as const,
});

const DeliveryAttempt = builder.objectRef<Attempt>("DeliveryAttempt").implement({
  description: "One request to the receiver.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", resolve: (attempt) => new Date(attempt.at) }),
    statusCode: t.exposeInt("statusCode", { nullable: true, description: "Null when no answer came." }),
    latencyMs: t.exposeInt("latencyMs", { nullable: true, description: "Until the response headers." }),
    error: t.exposeString("error", {
      nullable: true,
      description: "Why no answer came (timed out, request failed).",
    }),
    response: t.exposeString("response", {
      nullable: true,
      description: "The start of the response body (512 bytes).",
    }),
  }),
});

const attemptsOf = (delivery: { attempts: string }) => JSON.parse(delivery.attempts) as Attempt[];

const WebhookDelivery = builder.prismaObject("Delivery", {
  name: "WebhookDelivery",
  authScopes: ownedByInstance,
  description: "One event owed to one webhook. Events a webhook's flags leave out have none.",
  fields: (t) => ({
    deliveryId: t.exposeString("id"),
    eventId: t.exposeString("eventId", {
      description: "Sent as webhook-id: the receiver's idempotency key.",
    }),
    seq: t.exposeInt("seq", { description: "The event's position in its instance's event log." }),
    eventType: t.field({ type: EventTypeEnum, resolve: (delivery) => delivery.eventType as EventType }),
    status: t.field({ type: DeliveryStatus, resolve: (delivery) => delivery.status as "pending" }),
    attempts: t.field({ type: [DeliveryAttempt], resolve: attemptsOf }),
    lastStatusCode: t.int({
      nullable: true,
      resolve: (delivery) => attemptsOf(delivery).at(-1)?.statusCode ?? null,
    }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField(WebhookNode, "deliveries", (t) =>
  t.relatedConnection("deliveries", {
    cursor: "id",
    description: "The webhook's delivery log, newest event first.",
    args: { status: t.arg({ type: DeliveryStatus, required: false }) },
    query: (args) => ({
      where: args.status ? { status: args.status } : {},
      orderBy: [{ seq: "desc" }, { id: "asc" }],
    }),
    totalCount: true,
  }),
);

const webhookRef = (id: string | number) => rawId(id, "Webhook");
builder.mutationFields((t) => ({
  pauseWebhook: t.field({
    type: WebhookNode,
    description: "Holds deliveries; resumeWebhook goes on from the same event, nothing skipped.",
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhookDeliveries.pause(context.caller, webhookRef(args.id)),
  }),
  resumeWebhook: t.field({
    type: WebhookNode,
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhookDeliveries.resume(context.caller, webhookRef(args.id)),
  }),
  replayWebhookEvents: t.field({
    type: WebhookNode,
    description:
      "Delivers again, in order and with the same ids, every event still in the log from a sequence number (fromSeq) or a time (since) on. Give one of them.",
    errors: { types: ACCESS_ERRORS },
    args: {
      id: t.arg.id(),
      fromSeq: t.arg.int({ required: false }),
      since: t.arg({ type: "DateTime", required: false }),
    },
    resolve: (_parent, args, context) =>
      context.services.webhookDeliveries.replay(context.caller, webhookRef(args.id), {
        seq: args.fromSeq,
        since: args.since,
      }),
  }),
  redeliverWebhookEvent: t.field({
    type: WebhookDelivery,
    description: "Sends one delivery's event again now; the attempt is added to its log.",
    errors: { types: ACCESS_ERRORS },
    args: { deliveryId: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhookDeliveries.redeliver(context.caller, String(args.deliveryId)),
  }),
  pingWebhook: t.field({
    type: DeliveryAttempt,
    description: 'Sends a signed {"type":"ping"} request to the webhook\'s URL and answers how it went.',
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhookDeliveries.ping(context.caller, webhookRef(args.id)),
  }),
}));
