// Every root field and REST path, each as one call the authorization matrix makes with each
// kind of caller. A call reports what the caller got: "allowed" only for a success answer,
// the documented refusals otherwise; anything else fails the test with the answer.
import { expect } from "vitest";
import { ACCOUNT_TOKEN } from "./app.ts";
import { rest } from "./clients.ts";
import type { InstanceFixture } from "./fixtures.ts";
import { metricsOutcome } from "./metrics.ts";
import { openStream, type Refusal } from "./ws-streams.ts";

export type Outcome = "allowed" | "hidden" | "forbidden" | "unauthenticated" | "unauthorized";

/** What an operation works on; `fresh` targets are made per caller for calls that consume them. */
export interface Target {
  instance: InstanceFixture;
  webhook: { id: string; webhookId: string };
  message: { id: string; keyId: string; chatJid: string };
  /** A delivery of a disabled webhook (no pump rewrites it): what redeliverWebhookEvent takes. */
  deliveryId: string;
}

export interface MatrixContext {
  base: string;
  contact: string;
  /** A target that calls may change but not consume (sends, updates, reads). */
  shared: Target;
  /** A new target of the kind asked, for calls that consume theirs (delete, rotate, logout). */
  fresh(kind: "plain" | "linked"): Promise<Target>;
}

export interface Operation {
  name: string;
  /** The GraphQL root field, or the REST method and path template. */
  covers: string;
  /** "websocket": an upgrade, refused with an HTTP answer in RyzeAPI's shape. */
  api: "graphql" | "rest" | "websocket";
  accountOnly?: boolean;
  /** How a valid token the operation does not allow is refused, when not the API's usual way. */
  denied?: Outcome;
  /** Which target the allowed callers use. */
  target: "shared" | "plain" | "linked";
  run(context: MatrixContext, target: Target, token: string | undefined): Promise<Outcome>;
}

const REFUSAL = {
  errors: [{ message: "A valid token is required", extensions: { code: "UNAUTHENTICATED" } }],
};

export async function graphql(base: string, query: string, variables: object, token?: string) {
  return rest(base, "POST", "/graphql", {
    body: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A GraphQL call's outcome: its field must be the success type, ForbiddenError, or the 401. */
async function fromGraphQL(
  answer: Promise<{ status: number; body: any }>,
  field: string,
  success: string,
): Promise<Outcome> {
  const { status, body } = await answer;
  if (status === 401) {
    expect(body).toEqual(REFUSAL);
    return "unauthenticated";
  }
  const value = body?.data?.[field];
  if (status === 200 && !body.errors && value?.__typename === success) return "allowed";
  if (status === 200 && !body.errors && value?.__typename === "ForbiddenError") return "forbidden";
  throw new Error(`unexpected answer for ${field}: ${status} ${JSON.stringify(body)}`);
}

/** node/nodes answer null for what the token does not reach. */
async function fromNodes(answer: Promise<{ status: number; body: any }>, success: string): Promise<Outcome> {
  const { status, body } = await answer;
  if (status === 401) {
    expect(body).toEqual(REFUSAL);
    return "unauthenticated";
  }
  const values: ({ __typename?: string } | null | undefined)[] =
    body?.data && "node" in body.data ? [body.data.node] : (body?.data?.nodes ?? [undefined]);
  if (status === 200 && !body.errors && values.every((value) => value?.__typename === success))
    return "allowed";
  if (status === 200 && !body.errors && values.every((value) => value === null)) return "hidden";
  throw new Error(`unexpected node answer: ${status} ${JSON.stringify(body)}`);
}

type Family = "codechat" | "evolution" | "ryze";
const REST_REFUSAL: Record<Family, unknown> = {
  codechat: { message: [expect.any(String)], error: "Unauthorized", statusCode: 401 },
  evolution: { error: true, message: "Unauthorized" },
  ryze: { success: false, error: { message: "Invalid token" } },
};
const HEADER: Record<Family, string> = { codechat: "authorization", evolution: "apikey", ryze: "token" };

async function fromRest(
  family: Family,
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Outcome> {
  const value = family === "codechat" && token ? `Bearer ${token}` : token;
  const answer = await rest(base, method, path, { headers: value ? { [HEADER[family]]: value } : {}, body });
  if (answer.status >= 200 && answer.status < 300) return "allowed";
  if (answer.status === 401) {
    expect(answer.body).toEqual(REST_REFUSAL[family]);
    return "unauthorized";
  }
  throw new Error(`unexpected answer for ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A /ws upgrade's outcome: a WebSocket opened, or its refusal before the upgrade. */
async function fromUpgrade(base: string, path: string, token: string | undefined): Promise<Outcome> {
  const gateway = { wsUrl: base.replace(/^http/, "ws") };
  let refusal: Refusal;
  try {
    const stream = await openStream(gateway, path, { token });
    stream.ws.terminate();
    return "allowed";
  } catch (error) {
    if ((error as Partial<Refusal>).status === undefined) throw error;
    refusal = error as Refusal;
  }
  if (refusal.status === 401) {
    expect(refusal.body).toEqual(REST_REFUSAL.ryze);
    return "unauthorized";
  }
  if (refusal.status === 403) {
    expect(refusal.body).toEqual({ success: false, error: { message: expect.any(String) } });
    return "forbidden";
  }
  throw new Error(`unexpected answer for ${path}: ${refusal.status} ${JSON.stringify(refusal.body)}`);
}

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
