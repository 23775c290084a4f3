import type { Instance } from "../../generated/sqlite/client.ts";
import { ownedByInstance } from "../../graphql/access.ts";
import { builder, type InputFields } from "../../graphql/builder.ts";
import { ACCESS_ERRORS, ConflictError, NotConnectedError, RateLimitedError } from "../../graphql/errors.ts";
import { withoutNulls } from "../../graphql/flags.ts";
import { instanceRef } from "../../graphql/ids.ts";
import { RATE_LIMITS } from "../../limits/rate-limits.ts";

const InstanceState = builder.enumType("InstanceState", { values: ["active", "inactive"] as const });
export const ConnectionStatus = builder.enumType("ConnectionStatus", {
  values: ["open", "connecting", "close", "refused"] as const,
});

export const InstanceNode = builder.prismaNode("Instance", {
  id: { field: "id" },
  description: "One WhatsApp session (a linked device of one phone number).",
  authScopes: (instance) => ({ instance: instance.id }),
  fields: (t) => ({
    instanceId: t.exposeString("id", { description: "The raw UUID, as the REST families use it." }),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    state: t.expose("state", { type: InstanceState, description: "Whether the gateway runs it." }),
    connection: t.expose("connection", {
      type: ConnectionStatus,
      description: "Whether WhatsApp is connected.",
    }),
    settings: t.field({ type: InstanceSettings, resolve: (instance) => instance }),
    token: t.string({
      nullable: true,
      description: "The current instance token (a signed JWT).",
      select: { auth: true },
      resolve: (instance, _args, context) =>
        instance.auth
          ? context.services.tokens.sign(instance.id, instance.auth.tokenId, instance.auth.issuedAt)
          : null,
    }),
    account: t.relation("whatsapp", {
      nullable: true,
      description: "The linked WhatsApp account, once connected.",
    }),
    business: t.relation("business", { nullable: true }),
    webhooks: t.relation("webhooks", { query: { orderBy: { createdAt: "asc" } } }),
    socket: t.relation("socket", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

type SettingsShape = {
  rejectCalls: boolean;
  callRejectMessage: string | null;
  ignoreGroups: boolean;
  ignoreStatus: boolean;
  alwaysOnline: boolean;
  readMessages: boolean;
  syncFullHistory: boolean;
};

const InstanceSettings = builder.objectRef<SettingsShape>("InstanceSettings").implement({
  fields: (t) => ({
    rejectCalls: t.exposeBoolean("rejectCalls"),
    callRejectMessage: t.exposeString("callRejectMessage", { nullable: true }),
    ignoreGroups: t.exposeBoolean("ignoreGroups"),
    ignoreStatus: t.exposeBoolean("ignoreStatus"),
    alwaysOnline: t.exposeBoolean("alwaysOnline"),
    readMessages: t.exposeBoolean("readMessages"),
    syncFullHistory: t.exposeBoolean("syncFullHistory"),
  }),
});

builder.prismaObject("WhatsApp", {
  authScopes: ownedByInstance,
  name: "WhatsAppAccount",
  fields: (t) => ({
    jid: t.exposeString("remoteJid"),
    pushName: t.exposeString("pushName", { nullable: true }),
    pictureUrl: t.exposeString("pictureUrl", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Business", {
  authScopes: ownedByInstance,
  name: "BusinessProfile",
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    category: t.exposeString("category", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
  }),
});

const InstanceFilter = builder.inputType("InstanceFilter", {
  fields: (t) => ({
    name: t.string({ required: false, description: "Part of the name." }),
    state: t.field({ type: InstanceState, required: false }),
    connection: t.field({ type: ConnectionStatus, required: false }),
  }),
});

const settingsInputFields = (t: InputFields) => ({
  rejectCalls: t.boolean({ required: false }),
  callRejectMessage: t.string({ required: false }),
  ignoreGroups: t.boolean({ required: false }),
  ignoreStatus: t.boolean({ required: false }),
  alwaysOnline: t.boolean({ required: false }),
  readMessages: t.boolean({ required: false }),
  syncFullHistory: t.boolean({ required: false }),
});

const CreateInstanceInput = builder.inputType("CreateInstanceInput", {
  fields: (t) => ({
    name: t.string({ description: "Unique; letters, digits, '.', '_' and '-'." }),
    description: t.string({ required: false }),
    ...settingsInputFields(t),
  }),
});

const UpdateInstanceInput = builder.inputType("UpdateInstanceInput", {
  fields: (t) => ({
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    state: t.field({ type: InstanceState, required: false }),
    ...settingsInputFields(t),
  }),
});

const InstanceWithToken = builder
  .objectRef<{ instance: Instance; token: string }>("InstanceWithToken")
  .implement({
    description: "An instance and its newly issued token (shown once here; also readable as Instance.token).",
    fields: (t) => ({
      instance: t.field({ type: InstanceNode, resolve: (result) => result.instance }),
      token: t.exposeString("token"),
    }),
  });

const DeletedInstance = builder.objectRef<{ id: string; name: string }>("DeletedInstance").implement({
  fields: (t) => ({
    instanceId: t.exposeString("id"),
    name: t.exposeString("name"),
  }),
});

builder.queryFields((t) => ({
  instances: t.prismaConnection({
    type: "Instance",
    cursor: "name",
    description: "Instances the token reaches (an instance token sees only its own), by name.",
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: InstanceFilter, required: false }) },
    resolve: (query, _parent, args, context) =>
      context.services.prisma.instance.findMany({
        ...query,
        where: context.services.instances.visibleWhere(context.caller, withoutNulls(args.filter)),
        orderBy: { name: "asc" },
      }),
    totalCount: (_parent, args, context) =>
      context.services.prisma.instance.count({
        where: context.services.instances.visibleWhere(context.caller, withoutNulls(args.filter)),
      }),
    maxSize: 100,
    defaultSize: 20,
  }),
  instance: t.field({
    type: InstanceNode,
    description: "One instance, by id (global or UUID) or by name.",
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (_parent, args, context) =>
      context.services.instances.get(
        context.caller,
        args.id ? instanceRef(args.id) : { name: args.name ?? "" },
      ),
  }),
}));

const [deletePerMinute, deletePerHour] = RATE_LIMITS["Mutation.deleteInstance"];

builder.mutationFields((t) => ({
  createInstance: t.field({
    type: InstanceWithToken,
    description: "Creates a disconnected instance and issues its token (account token only).",
    errors: { types: [...ACCESS_ERRORS, ConflictError] },
    args: { input: t.arg({ type: CreateInstanceInput }) },
    resolve: (_parent, args, context) =>
      context.services.instances.create(context.caller, withoutNulls(args.input) as never),
  }),
  updateInstance: t.field({
    type: InstanceNode,
    errors: { types: [...ACCESS_ERRORS, ConflictError] },
    args: { id: t.arg.id(), input: t.arg({ type: UpdateInstanceInput }) },
    resolve: (_parent, args, context) =>
      context.services.instances.update(context.caller, instanceRef(args.id), withoutNulls(args.input)),
  }),
  rotateInstanceToken: t.field({
    type: InstanceWithToken,
    description: "Issues a new instance token and revokes the previous one; emits newJwt.",
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.instances.rotateToken(context.caller, instanceRef(args.id)),
  }),
  logoutInstance: t.field({
    type: InstanceNode,
    description: "Logs the WhatsApp session off; the instance and its configuration stay.",
    errors: { types: [...ACCESS_ERRORS, NotConnectedError] },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.instances.logout(context.caller, instanceRef(args.id)),
  }),
  deleteInstance: t.field({
    type: DeletedInstance,
    description: "Deletes an instance and all its data; instanceDelete is emitted first.",
    errors: { types: [...ACCESS_ERRORS, ConflictError, RateLimitedError] },
    directives: { rateLimit: deletePerMinute, rateLimitLong: deletePerHour },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.instances.delete(context.caller, instanceRef(args.id)),
  }),
}));
