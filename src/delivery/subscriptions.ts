import type { GatewayEvent } from "../events/types.ts";
import { builder } from "../graphql/builder.ts";
import { EventTypeEnum } from "../graphql/flags.ts";
import { instanceRef } from "../graphql/ids.ts";
import { toPlain } from "../whatsapp/plain.ts";

const InstanceEvent = builder.objectRef<GatewayEvent>("InstanceEvent").implement({
  description: "One canonical event of an instance.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Unique; webhooks use it as the idempotency key." }),
    type: t.field({ type: EventTypeEnum, resolve: (event) => event.type }),
    instanceId: t.exposeString("instanceId"),
    instanceName: t.exposeString("instanceName"),
    timestamp: t.expose("timestamp", { type: "DateTime" }),
    // Converted here, once per delivered event: Baileys' protobuf objects carry Long
    // numbers and byte buffers that clients should not have to decode.
    data: t.field({ type: "JSON", resolve: (event) => toPlain(event.data) }),
  }),
});

builder.subscriptionFields((t) => ({
  instanceEvents: t.field({
    type: InstanceEvent,
    description:
      "Live events of one instance, optionally of some types. A client that falls 256 events behind is dropped; the stream ends after instanceDelete.",
    args: {
      instanceId: t.arg.id(),
      types: t.arg({ type: [EventTypeEnum], required: false }),
    },
    subscribe: async (_parent, args, context) => {
      const instance = await context.services.instances.get(
        context.caller,
        instanceRef(args.instanceId as string),
      );
      return context.services.bus.subscribe({ instanceId: instance.id, types: args.types ?? undefined });
    },
    resolve: (event) => event,
  }),
}));
