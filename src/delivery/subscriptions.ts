import { ValidationError } from "../errors.ts";
import type { GatewayEvent } from "../events/types.ts";
import { builder } from "../graphql/builder.ts";
import { EventTypeEnum } from "../graphql/flags.ts";
import { instanceRef } from "../graphql/ids.ts";

const MAX_BATCH = 1000;

const InstanceEvent = builder.objectRef<GatewayEvent>("InstanceEvent").implement({
  description: "One canonical event of an instance.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Unique; webhooks use it as the idempotency key." }),
    type: t.field({ type: EventTypeEnum, resolve: (event) => event.type }),
    instanceId: t.exposeString("instanceId"),
    instanceName: t.exposeString("instanceName"),
    timestamp: t.expose("timestamp", { type: "DateTime" }),
    seq: t.exposeInt("seq", {
      description: "The event's position in its instance's event log (1, 2, …).",
    }),
    data: t.field({ type: "JSON", resolve: (event) => event.data }),
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
      return context.services.bus.subscribe({
        instanceId: instance.id,
        types: args.types ?? undefined,
        owner: context.caller,
      });
    },
    resolve: (event) => event,
  }),
  instanceEventBatches: t.field({
    type: [InstanceEvent],
    description: `The events of instanceEvents in arrays, in order: each frame carries every event buffered since the last one, up to maxBatchSize (1-${MAX_BATCH}). Made for feeds that take bursts: one frame per batch instead of one per event. A client that falls 256 full batches (at most 10,000 events) behind is dropped; the stream ends after instanceDelete.`,
    args: {
      instanceId: t.arg.id(),
      types: t.arg({ type: [EventTypeEnum], required: false }),
      maxBatchSize: t.arg.int({ defaultValue: 100 }),
    },
    subscribe: async (_parent, args, context) => {
      if (!Number.isInteger(args.maxBatchSize) || args.maxBatchSize < 1 || args.maxBatchSize > MAX_BATCH) {
        throw new ValidationError([{ path: "maxBatchSize", message: `must be between 1 and ${MAX_BATCH}` }]);
      }
      const instance = await context.services.instances.get(
        context.caller,
        instanceRef(args.instanceId as string),
      );
      return context.services.bus.subscribeBatches(
        { instanceId: instance.id, types: args.types ?? undefined, owner: context.caller },
        args.maxBatchSize,
      );
    },
    resolve: (batch) => batch,
  }),
}));
