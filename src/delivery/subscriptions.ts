import type { Caller } from "../auth/access.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import type { EventFilter, EventStream } from "../events/bus.ts";
import { checkResumePoints, MAX_REPLAY, type ResumePoint, replayThenLive } from "../events/replay.ts";
import type { EventType, GatewayEvent } from "../events/types.ts";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { EventTypeEnum } from "../graphql/flags.ts";
import { instanceRef } from "../graphql/ids.ts";
import { EventPayload } from "./event-payloads.ts";

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
      description:
        "The event's position in its instance's event log (1, 2, …): give the last one seen as afterSeq to resume.",
    }),
    data: t.field({
      type: "JSON",
      description: "The data as plain JSON, in Baileys' shape.",
      resolve: (event) => event.data,
    }),
    payload: t.field({
      type: EventPayload,
      description: "The same data, typed by the event's family.",
      resolve: (event) => event,
    }),
  }),
});

const EventCursor = builder.inputType("EventCursor", {
  description: "Where a client left one instance's events.",
  fields: (t) => ({
    instanceId: t.id(),
    afterSeq: t.int({ description: "The seq of the last event seen." }),
  }),
});

const AFTER_SEQ = `Resume: first the logged events after this seq (at most ${MAX_REPLAY}), then the live ones, with no gap and no duplicate. Refused with REPLAY_UNAVAILABLE when the log no longer holds them.`;

interface Subscribing {
  context: GraphQLContext;
  filter: EventFilter;
  types: readonly EventType[] | undefined;
  points: ResumePoint[];
}

/** Subscribes on the bus first, so nothing committed while the log is read goes missing. */
async function open<T>(
  { context, filter, types, points }: Subscribing,
  subscribe: (filter: EventFilter) => EventStream<T>,
  shape: (page: GatewayEvent[]) => Iterable<T>,
): Promise<AsyncIterable<T>> {
  const { prisma, log } = context.services;
  await checkResumePoints(prisma, log, points, types, context.caller);
  const live = subscribe(filter);
  if (points.length === 0) return live;
  return replayThenLive(prisma, live, points, types, context.caller, shape);
}

async function oneInstance(
  context: GraphQLContext,
  args: { instanceId: string | number; types?: EventType[] | null; afterSeq?: number | null },
): Promise<Subscribing> {
  const instance = await context.services.instances.get(context.caller, instanceRef(args.instanceId));
  const types = args.types ?? undefined;
  return {
    context,
    types,
    filter: { instanceId: instance.id, types, owner: context.caller },
    points:
      args.afterSeq === null || args.afterSeq === undefined
        ? []
        : [{ instanceId: instance.id, afterSeq: args.afterSeq }],
  };
}

/**
 * The account token follows the instances it names, or every instance (present and future);
 * an instance token only its own, named or not.
 */
async function instancesOf(
  context: GraphQLContext,
  ids: readonly (string | number)[] | null | undefined,
  caller: Caller,
) {
  if (ids?.length) {
    const instances = await Promise.all(
      ids.map((id) => context.services.instances.get(caller, instanceRef(id))),
    );
    return [...new Set(instances.map((instance) => instance.id))];
  }
  if (caller?.kind === "instance") return [caller.instanceId];
  if (caller?.kind === "account") return "all" as const;
  throw new ForbiddenError();
}

function* single(page: GatewayEvent[]) {
  yield* page;
}

function inBatches(size: number) {
  return function* (page: GatewayEvent[]) {
    for (let start = 0; start < page.length; start += size) yield page.slice(start, start + size);
  };
}

builder.subscriptionFields((t) => ({
  instanceEvents: t.field({
    type: InstanceEvent,
    description:
      "Live events of one instance, optionally of some types. A client that falls 256 events behind is dropped; the stream ends after instanceDelete.",
    args: {
      instanceId: t.arg.id(),
      types: t.arg({ type: [EventTypeEnum], required: false }),
      afterSeq: t.arg.int({ required: false, description: AFTER_SEQ }),
    },
    subscribe: async (_parent, args, context) => {
      const subscribing = await oneInstance(context, args);
      return open(subscribing, (filter) => context.services.bus.subscribe(filter), single);
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
      afterSeq: t.arg.int({ required: false, description: AFTER_SEQ }),
    },
    subscribe: async (_parent, args, context) => {
      if (!Number.isInteger(args.maxBatchSize) || args.maxBatchSize < 1 || args.maxBatchSize > MAX_BATCH) {
        throw new ValidationError([{ path: "maxBatchSize", message: `must be between 1 and ${MAX_BATCH}` }]);
      }
      const subscribing = await oneInstance(context, args);
      return open(
        subscribing,
        (filter) => context.services.bus.subscribeBatches(filter, args.maxBatchSize),
        inBatches(args.maxBatchSize),
      );
    },
    resolve: (batch) => batch,
  }),
  events: t.field({
    type: InstanceEvent,
    description:
      "Live events of several instances: those named, or every instance the token reaches (for the account token, instances created later too; an instance token reaches only its own). A client that falls 256 events behind is dropped; the stream ends once every named instance is deleted.",
    args: {
      instanceIds: t.arg.idList({ required: false }),
      types: t.arg({ type: [EventTypeEnum], required: false }),
      after: t.arg({
        type: [EventCursor],
        required: false,
        description: `Resume, per instance: ${AFTER_SEQ} Instances without a cursor start live.`,
      }),
    },
    subscribe: async (_parent, args, context) => {
      const instanceIds = await instancesOf(context, args.instanceIds, context.caller);
      const types = args.types ?? undefined;
      const points: ResumePoint[] = [];
      for (const cursor of args.after ?? []) {
        const { id } = await context.services.instances.get(context.caller, instanceRef(cursor.instanceId));
        if (instanceIds !== "all" && !instanceIds.includes(id)) {
          throw new ValidationError([{ path: "after", message: `instance ${id} is not among instanceIds` }]);
        }
        if (points.some((point) => point.instanceId === id)) {
          throw new ValidationError([{ path: "after", message: `instance ${id} has two cursors` }]);
        }
        points.push({ instanceId: id, afterSeq: cursor.afterSeq });
      }
      const filter: EventFilter = { instanceIds, types, owner: context.caller };
      return open(
        { context, filter, types, points },
        (scope) => context.services.bus.subscribe(scope),
        single,
      );
    },
    resolve: (event) => event,
  }),
}));
