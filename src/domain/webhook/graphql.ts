import { flagsOf } from "../../events/types.ts";
import { ownedByInstance } from "../../graphql/access.ts";
import { builder } from "../../graphql/builder.ts";
import { ACCESS_ERRORS, ConflictError } from "../../graphql/errors.ts";
import { EventFlagsInput, EventFlagsType, withoutNulls } from "../../graphql/flags.ts";
import { instanceRef, rawId } from "../../graphql/ids.ts";
import { WEBHOOK_FORMATS, type WebhookFormat } from "./schemas.ts";

export const WebhookFormatEnum = builder.enumType("WebhookFormat", {
  description:
    "The body envelope, event names and headers of a webhook's requests. WAGRAPH: {id, seq, type, instanceId, instanceName, timestamp, data}. CODECHAT: {event, instance, data} with dotted names (messages.upsert) and x-instanceId/x-whatsappId/x-businessId headers. EVOLUTION: {event, instance, data, destination, date_time, sender, server_url} with X-Instance-ID/X-Instance-Name/X-Event-Type/X-Timestamp headers. RYZE: {event, data, instanceData} with RyzeAPI's six coarse names (other events are not sent).",
  values: Object.fromEntries(
    WEBHOOK_FORMATS.map((format) => [format.toUpperCase(), { value: format }]),
  ) as Record<Uppercase<WebhookFormat>, { value: WebhookFormat }>,
});

export const WebhookNode = builder.prismaNode("Webhook", {
  authScopes: ownedByInstance,
  id: { field: "id" },
  description: "An HTTP endpoint that receives the instance's events.",
  fields: (t) => ({
    webhookId: t.exposeString("id", { description: "The raw UUID, as the REST families use it." }),
    name: t.exposeString("name"),
    url: t.exposeString("url"),
    enabled: t.exposeBoolean("enabled"),
    mediaBase64: t.exposeBoolean("mediaBase64"),
    format: t.field({ type: WebhookFormatEnum, resolve: (webhook) => webhook.format as WebhookFormat }),
    paused: t.exposeBoolean("paused", {
      description:
        "Deliveries wait while paused and resume where they stopped (pauseWebhook, resumeWebhook).",
    }),
    disabledReason: t.exposeString("disabledReason", {
      nullable: true,
      description:
        "Why the gateway turned the webhook off (410 Gone, or a delivery that failed on every attempt); null otherwise.",
    }),
    hasAuthorization: t.boolean({
      description: "Whether deliveries carry an Authorization header (its value is never shown).",
      resolve: (webhook) => Boolean(webhook.authorization),
    }),
    signingSecret: t.string({
      nullable: true,
      description:
        "The HMAC-SHA256 key that signs every delivery. Shown once: in the answer of createWebhook and rotateWebhookSecret, null anywhere else (rotate it if it was lost).",
      resolve: (webhook) => ("newSecret" in webhook ? (webhook.newSecret as string) : null),
    }),
    events: t.field({
      type: EventFlagsType,
      select: { events: true },
      resolve: (webhook) => flagsOf(webhook.events ?? ({} as never)),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const CreateWebhookInput = builder.inputType("CreateWebhookInput", {
  fields: (t) => ({
    name: t.string({ description: "Unique within the instance." }),
    url: t.string({ description: "Absolute http(s) URL." }),
    enabled: t.boolean({ required: false, defaultValue: false }),
    events: t.field({ type: EventFlagsInput, required: false, description: "All on unless given." }),
    authorization: t.string({ required: false, description: "Sent as the Authorization header." }),
    mediaBase64: t.boolean({ required: false }),
    format: t.field({ type: WebhookFormatEnum, required: false, description: "WAGRAPH unless given." }),
  }),
});

const UpdateWebhookInput = builder.inputType("UpdateWebhookInput", {
  fields: (t) => ({
    name: t.string({ required: false }),
    url: t.string({ required: false }),
    enabled: t.boolean({ required: false }),
    authorization: t.string({ required: false }),
    mediaBase64: t.boolean({ required: false }),
    format: t.field({ type: WebhookFormatEnum, required: false }),
  }),
});

const DeletedWebhook = builder.objectRef<{ id: string; name: string }>("DeletedWebhook").implement({
  fields: (t) => ({ webhookId: t.exposeString("id"), name: t.exposeString("name") }),
});

const webhookRef = (id: string | number) => rawId(id, "Webhook");
builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: WebhookNode,
    errors: { types: [...ACCESS_ERRORS, ConflictError] },
    args: { instanceId: t.arg.id(), input: t.arg({ type: CreateWebhookInput }) },
    resolve: (_parent, args, context) => {
      const { events, ...input } = withoutNulls(args.input);
      return context.services.webhooks.create(context.caller, instanceRef(args.instanceId), {
        ...input,
        name: args.input.name,
        url: args.input.url,
        events: withoutNulls(events),
      });
    },
  }),
  updateWebhook: t.field({
    type: WebhookNode,
    errors: { types: [...ACCESS_ERRORS, ConflictError] },
    args: { id: t.arg.id(), input: t.arg({ type: UpdateWebhookInput }) },
    resolve: (_parent, args, context) =>
      context.services.webhooks.update(context.caller, webhookRef(args.id), withoutNulls(args.input)),
  }),
  setWebhookEvents: t.field({
    type: WebhookNode,
    description: "Turns event flags on or off; flags left out keep their value.",
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id(), events: t.arg({ type: EventFlagsInput }) },
    resolve: (_parent, args, context) =>
      context.services.webhooks.setEvents(context.caller, webhookRef(args.id), withoutNulls(args.events)),
  }),
  rotateWebhookSecret: t.field({
    type: WebhookNode,
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhooks.rotateSecret(context.caller, webhookRef(args.id)),
  }),
  deleteWebhook: t.field({
    type: DeletedWebhook,
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.webhooks.delete(context.caller, webhookRef(args.id)),
  }),
}));
