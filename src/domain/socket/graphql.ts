import { flagsOf } from "../../events/types.ts";
import { ownedByInstance } from "../../graphql/access.ts";
import { builder } from "../../graphql/builder.ts";
import { ACCESS_ERRORS, RateLimitedError } from "../../graphql/errors.ts";
import { EventFlagsInput, EventFlagsType, withoutNulls } from "../../graphql/flags.ts";
import { instanceRef } from "../../graphql/ids.ts";
import { RATE_LIMITS } from "../../limits/rate-limits.ts";

const SocketType = builder.prismaObject("Socket", {
  authScopes: ownedByInstance,
  description: "The instance's WebSocket configuration (GET /ws/:instance).",
  fields: (t) => ({
    socketId: t.exposeString("id"),
    enabled: t.exposeBoolean("enabled"),
    mediaBase64: t.exposeBoolean("mediaBase64"),
    events: t.field({ type: EventFlagsType, resolve: (socket) => flagsOf(socket) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const SetSocketInput = builder.inputType("SetSocketInput", {
  fields: (t) => ({
    enabled: t.boolean(),
    events: t.field({ type: EventFlagsInput, required: false }),
    mediaBase64: t.boolean({ required: false }),
  }),
});

const DeletedSocket = builder.objectRef<{ id: string; deletedAt: Date }>("DeletedSocket").implement({
  fields: (t) => ({
    socketId: t.exposeString("id"),
    deletedAt: t.expose("deletedAt", { type: "DateTime" }),
  }),
});

builder.mutationFields((t) => ({
  setSocket: t.field({
    type: SocketType,
    description: "Creates or updates the WebSocket configuration (idempotent).",
    errors: { types: [...ACCESS_ERRORS, RateLimitedError] },
    directives: { rateLimit: RATE_LIMITS["Mutation.setSocket"][0] },
    args: { instanceId: t.arg.id(), input: t.arg({ type: SetSocketInput }) },
    resolve: (_parent, args, context) => {
      const { events, ...input } = withoutNulls(args.input);
      return context.services.sockets.set(context.caller, instanceRef(args.instanceId), {
        enabled: args.input.enabled,
        ...input,
        events: withoutNulls(events),
      });
    },
  }),
  deleteSocket: t.field({
    type: DeletedSocket,
    errors: { types: [...ACCESS_ERRORS, RateLimitedError] },
    directives: { rateLimit: RATE_LIMITS["Mutation.deleteSocket"][0] },
    args: { instanceId: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.sockets.delete(context.caller, instanceRef(args.instanceId)),
  }),
}));
