// Every root field and REST path, each as one call the authorization matrix makes with each
// kind of caller; matrix-outcomes.ts reads what the caller got.
import { ACCOUNT_TOKEN } from "./app.ts";
import {
  fromGraphQL,
  fromNodes,
  fromRest,
  fromUpgrade,
  graphql,
  type MatrixContext,
  type Operation,
  type Target,
} from "./matrix-outcomes.ts";
import { metricsOutcome } from "./metrics.ts";

const unique = () => `m-${process.pid}-${Math.random().toString(36).slice(2, 9)}`;

/** A mutation on one instance by id, answered by its __typename. */
function mutation(
  field: string,
  success: string,
  args: (context: MatrixContext, target: Target) => Record<string, unknown>,
  options: { target?: Operation["target"]; accountOnly?: boolean; types?: Record<string, string> } = {},
): Operation {
  return {
    name: field,
    covers: field,
    api: "graphql",
    target: options.target ?? "shared",
    accountOnly: options.accountOnly,
    run: (context, target, token) => {
      const values = args(context, target);
      const declared = Object.keys(values).map((name) => `$${name}: ${options.types?.[name] ?? "ID!"}`);
      const passed = Object.keys(values).map((name) => `${name}: $${name}`);
      const query = `mutation${declared.length ? `(${declared.join(", ")})` : ""} { ${field}${
        passed.length ? `(${passed.join(", ")})` : ""
      } { __typename } }`;
      return fromGraphQL(graphql(context.base, query, values, token), field, success);
    },
  };
}

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const S = "String!";
const key = (target: Target) => ({
  chatJid: target.message.chatJid,
  keyId: target.message.keyId,
  fromMe: true,
});

export const OPERATIONS: Operation[] = [
  {
    name: "instance",
    covers: "instance",
    api: "graphql",
    target: "shared",
    run: (c, t, token) =>
      fromGraphQL(
        graphql(c.base, "query($id: ID) { instance(id: $id) { __typename } }", { id: t.instance.id }, token),
        "instance",
        "Instance",
      ),
  },
  {
    name: "instances",
    covers: "instances",
    api: "graphql",
    target: "shared",
    run: async (c, t, token) => {
      const answer = await graphql(c.base, "{ instances(first: 100) { edges { node { id } } } }", {}, token);
      if (answer.status === 401) return fromGraphQL(Promise.resolve(answer), "instances", "");
      const ids = answer.body.data.instances.edges.map((edge: { node: { id: string } }) => edge.node.id);
      return ids.includes(t.instance.id) ? "allowed" : "hidden";
    },
  },
  {
    name: "cluster",
    covers: "cluster",
    api: "graphql",
    target: "shared",
    accountOnly: true,
    run: (c, _t, token) =>
      fromGraphQL(graphql(c.base, "{ cluster { __typename } }", {}, token), "cluster", "Cluster"),
  },
  ...(["instance", "webhook", "message"] as const).flatMap((kind): Operation[] => {
    const success = { instance: "Instance", webhook: "Webhook", message: "Message" }[kind];
    const idOf = (t: Target) => t[kind].id;
    return [
      {
        name: `node(${success})`,
        covers: "node",
        api: "graphql",
        target: "shared",
        run: (c, t, token) =>
          fromNodes(
            graphql(c.base, "query($id: ID!) { node(id: $id) { __typename } }", { id: idOf(t) }, token),
            success,
          ),
      },
      {
        name: `nodes(${success})`,
        covers: "nodes",
        api: "graphql",
        target: "shared",
        run: (c, t, token) =>
          fromNodes(
            graphql(
              c.base,
              "query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
              { ids: [idOf(t)] },
              token,
            ),
            success,
          ),
      },
    ];
  }),
  mutation("createInstance", "InstanceWithToken", () => ({ input: { name: unique() } }), {
    accountOnly: true,
    types: { input: "CreateInstanceInput!" },
  }),
  mutation("updateInstance", "Instance", (_c, t) => ({ id: t.instance.id, input: { description: "x" } }), {
    types: { input: "UpdateInstanceInput!" },
  }),
  mutation("rotateInstanceToken", "InstanceWithToken", (_c, t) => ({ id: t.instance.id }), {
    target: "plain",
  }),
  mutation("connectInstance", "Instance", (_c, t) => ({ id: t.instance.id })),
  mutation(
    "requestPairingCode",
    "PairingCode",
    (_c, t) => ({ id: t.instance.id, phoneNumber: "15559990001" }),
    {
      target: "plain",
      types: { phoneNumber: S },
    },
  ),
  mutation("restartInstance", "Instance", (_c, t) => ({ id: t.instance.id }), { target: "linked" }),
  mutation("logoutInstance", "Instance", (_c, t) => ({ id: t.instance.id }), { target: "linked" }),
  mutation("deleteInstance", "DeletedInstance", (_c, t) => ({ id: t.instance.id }), { target: "plain" }),
  mutation(
    "createWebhook",
    "Webhook",
    (_c, t) => ({ instanceId: t.instance.id, input: { name: unique(), url: "https://example.com/x" } }),
    { types: { input: "CreateWebhookInput!" } },
  ),
  mutation("updateWebhook", "Webhook", (_c, t) => ({ id: t.webhook.id, input: { enabled: false } }), {
    types: { input: "UpdateWebhookInput!" },
  }),
  mutation(
    "setWebhookEvents",
    "Webhook",
    (_c, t) => ({ id: t.webhook.id, events: { qrcodeUpdate: false } }),
    {
      types: { events: "EventFlagsInput!" },
    },
  ),
  mutation("rotateWebhookSecret", "Webhook", (_c, t) => ({ id: t.webhook.id })),
  mutation("deleteWebhook", "DeletedWebhook", (_c, t) => ({ id: t.webhook.id }), { target: "plain" }),
  mutation("pauseWebhook", "Webhook", (_c, t) => ({ id: t.webhook.id })),
  mutation("resumeWebhook", "Webhook", (_c, t) => ({ id: t.webhook.id })),
  mutation("replayWebhookEvents", "Webhook", (_c, t) => ({ id: t.webhook.id, fromSeq: 1 }), {
    types: { fromSeq: "Int" },
  }),
  mutation("pingWebhook", "DeliveryAttempt", (_c, t) => ({ id: t.webhook.id })),
  mutation("redeliverWebhookEvent", "WebhookDelivery", (_c, t) => ({ deliveryId: t.deliveryId })),
  mutation("setSocket", "Socket", (_c, t) => ({ instanceId: t.instance.id, input: { enabled: true } }), {
    types: { input: "SetSocketInput!" },
  }),
  mutation("deleteSocket", "DeletedSocket", (_c, t) => ({ instanceId: t.instance.id }), { target: "plain" }),
  mutation("sendText", "Message", (c, t) => ({ instanceId: t.instance.id, to: c.contact, text: "hello" }), {
    types: { to: S, text: S },
  }),
  mutation(
    "sendMedia",
    "Message",
    (c, t) => ({ instanceId: t.instance.id, to: c.contact, kind: "image", base64: PNG }),
    { types: { to: S, kind: "MediaKind!", base64: S } },
  ),
  mutation(
    "sendLocation",
    "Message",
    (c, t) => ({ instanceId: t.instance.id, to: c.contact, latitude: 1.5, longitude: 2.5 }),
    { types: { to: S, latitude: "Float!", longitude: "Float!" } },
  ),
  mutation(
    "sendContact",
    "Message",
    (c, t) => ({ instanceId: t.instance.id, to: c.contact, fullName: "Ann", phoneNumber: "+15550000000" }),
    { types: { to: S, fullName: S, phoneNumber: S } },
  ),
  mutation("sendReaction", "Message", (_c, t) => ({ instanceId: t.instance.id, key: key(t), emoji: "👍" }), {
    types: { key: "MessageKeyInput!", emoji: S },
  }),
  mutation(
    "sendPoll",
    "Message",
    (c, t) => ({ instanceId: t.instance.id, to: c.contact, name: "Lunch?", options: ["yes", "no"] }),
    { types: { to: S, name: S, options: "[String!]!" } },
  ),
  mutation(
    "markMessagesRead",
    "MutationMarkMessagesReadSuccess",
    (_c, t) => ({ instanceId: t.instance.id, keys: [key(t)] }),
    { types: { keys: "[MessageKeyInput!]!" } },
  ),
  mutation(
    "sendPresence",
    "MutationSendPresenceSuccess",
    (c, t) => ({ instanceId: t.instance.id, to: c.contact, presence: "composing" }),
    { types: { to: S, presence: "PresenceKind!" } },
  ),
  {
    name: "CodeChat DELETE socket",
    covers: "DELETE /api/v2/instance/{instanceId}/socket",
    api: "rest",
    target: "plain",
    run: (c, t, token) =>
      fromRest("codechat", c.base, "DELETE", `/api/v2/instance/${t.instance.uuid}/socket`, token),
  },
  {
    name: "CodeChat PUT webhook",
    covers: "PUT /api/v2/instance/{instanceId}/webhook/{webhookId}",
    api: "rest",
    target: "shared",
    run: (c, t, token) =>
      fromRest(
        "codechat",
        c.base,
        "PUT",
        `/api/v2/instance/${t.instance.uuid}/webhook/${t.webhook.webhookId}`,
        token,
        {
          name: unique(),
        },
      ),
  },
  {
    name: "CodeChat DELETE logout",
    covers: "DELETE /api/v2/instance/{instanceId}/logout",
    api: "rest",
    target: "linked",
    run: (c, t, token) =>
      fromRest("codechat", c.base, "DELETE", `/api/v2/instance/${t.instance.uuid}/logout`, token),
  },
  {
    name: "Evolution DELETE instance",
    covers: "DELETE /instance/delete/{instanceName}",
    api: "rest",
    target: "plain",
    run: (c, t, token) =>
      fromRest("evolution", c.base, "DELETE", `/instance/delete/${t.instance.name}`, token),
  },
  {
    name: "Evolution DELETE logout",
    covers: "DELETE /instance/logout/{instanceName}",
    api: "rest",
    target: "linked",
    run: (c, t, token) =>
      fromRest("evolution", c.base, "DELETE", `/instance/logout/${t.instance.name}`, token),
  },
  {
    name: "RyzeAPI POST websocket",
    covers: "POST /api/events/websocket/{instance}",
    api: "rest",
    target: "shared",
    run: (c, t, token) =>
      fromRest("ryze", c.base, "POST", `/api/events/websocket/${t.instance.name}`, token, { enabled: true }),
  },
  {
    name: "RyzeAPI GET websocket",
    covers: "GET /api/events/getWebsocket/{instance}",
    api: "rest",
    target: "shared",
    run: (c, t, token) =>
      fromRest("ryze", c.base, "GET", `/api/events/getWebsocket/${t.instance.name}`, token),
  },
  {
    name: "RyzeAPI event stream",
    covers: "GET /ws/{instance}",
    api: "websocket",
    target: "shared",
    run: (c, t, token) => fromUpgrade(c.base, `/ws/${encodeURIComponent(t.instance.name)}`, token),
  },
  {
    name: "Account-wide event stream",
    covers: "GET /ws",
    api: "websocket",
    target: "shared",
    accountOnly: true,
    denied: "forbidden",
    run: (c, _t, token) => fromUpgrade(c.base, "/ws", token),
  },
  {
    name: "Prometheus metrics",
    covers: "GET /metrics",
    api: "rest",
    target: "shared",
    accountOnly: true,
    denied: "forbidden",
    run: (c, _t, token) => metricsOutcome(c.base, token),
  },
  {
    name: "RyzeAPI POST instance/new",
    covers: "POST /api/instance/new",
    api: "rest",
    target: "shared",
    accountOnly: true,
    run: (c, _t, token) => fromRest("ryze", c.base, "POST", "/api/instance/new", token, { name: unique() }),
  },
];

export { ACCOUNT_TOKEN };
