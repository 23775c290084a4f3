// Every operation and shim, called by each kind of caller: no token, a wrong token, the
// account token, the instance's own token, and another instance's token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateInstanceDocument,
  CreateWebhookDocument,
  DeleteInstanceDocument,
  DeleteSocketDocument,
  DeleteWebhookDocument,
  InstanceDocument,
  LogoutInstanceDocument,
  RotateInstanceTokenDocument,
  RotateWebhookSecretDocument,
  SetSocketDocument,
  SetWebhookEventsDocument,
  UpdateInstanceDocument,
  UpdateWebhookDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import {
  createInstance,
  createWebhook,
  type InstanceFixture,
  setSocket,
  uniqueName,
} from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

type Caller = "none" | "wrong" | "account" | "own" | "other";
type Outcome = "allowed" | "unauthorized" | "forbidden";
const CALLERS: Caller[] = ["none", "wrong", "account", "own", "other"];

interface Target {
  instance: InstanceFixture;
  webhook: { id: string; webhookId: string };
}

async function prepare(): Promise<Target> {
  const instance = await createInstance(running.url);
  const webhook = await createWebhook(running.url, instance);
  await setSocket(running.url, instance);
  return { instance, webhook };
}

function tokenFor(caller: Caller, target: Target, other: InstanceFixture): string | undefined {
  return {
    none: undefined,
    wrong: "definitely-not-a-token",
    account: ACCOUNT_TOKEN,
    own: target.instance.token,
    other: other.token,
  }[caller];
}

/** GraphQL typed errors tell unauthorized from forbidden. */
function fromGraphQL(result: { data?: unknown; errors?: unknown }): Outcome {
  const field = Object.values((result.data ?? {}) as Record<string, { __typename?: string } | null>)[0];
  if (field?.__typename === "UnauthorizedError") return "unauthorized";
  if (field?.__typename === "ForbiddenError") return "forbidden";
  if (!field) throw new Error(`unexpected GraphQL answer ${JSON.stringify(result)}`);
  return "allowed";
}

/** The REST families answer 401 to both; the body must be in the family's shape. */
function fromRest(answer: { status: number; body: any }, family: "codechat" | "evolution" | "ryze"): Outcome {
  if (answer.status !== 401) return "allowed";
  if (family === "codechat") expect(answer.body).toMatchObject({ statusCode: 401, error: "Unauthorized" });
  if (family === "evolution") expect(answer.body).toEqual({ error: true, message: "Unauthorized" });
  if (family === "ryze") expect(answer.body).toEqual({ success: false, error: { message: "Invalid token" } });
  return "unauthorized";
}

type Operation = {
  name: string;
  scope: "instance" | "account";
  api: "graphql" | "rest";
  run(target: Target, token: string | undefined): Promise<Outcome>;
};

const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : undefined);

const operations: Operation[] = [
  {
    name: "query instance",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, InstanceDocument, { id: t.instance.id }, token)),
  },
  {
    name: "createInstance",
    scope: "account",
    api: "graphql",
    run: async (_t, token) =>
      fromGraphQL(
        await gql(running.url, CreateInstanceDocument, { input: { name: uniqueName("m") } }, token),
      ),
  },
  {
    name: "updateInstance",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(
        await gql(
          running.url,
          UpdateInstanceDocument,
          { id: t.instance.id, input: { description: "x" } },
          token,
        ),
      ),
  },
  {
    name: "rotateInstanceToken",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, RotateInstanceTokenDocument, { id: t.instance.id }, token)),
  },
  {
    name: "logoutInstance",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, LogoutInstanceDocument, { id: t.instance.id }, token)),
  },
  {
    name: "deleteInstance",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, DeleteInstanceDocument, { id: t.instance.id }, token)),
  },
  {
    name: "createWebhook",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(
        await gql(
          running.url,
          CreateWebhookDocument,
          { instanceId: t.instance.id, input: { name: uniqueName("w"), url: "https://example.com/x" } },
          token,
        ),
      ),
  },
  {
    name: "updateWebhook",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(
        await gql(running.url, UpdateWebhookDocument, { id: t.webhook.id, input: { enabled: false } }, token),
      ),
  },
  {
    name: "setWebhookEvents",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(
        await gql(
          running.url,
          SetWebhookEventsDocument,
          { id: t.webhook.id, events: { qrcodeUpdate: false } },
          token,
        ),
      ),
  },
  {
    name: "rotateWebhookSecret",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, RotateWebhookSecretDocument, { id: t.webhook.id }, token)),
  },
  {
    name: "deleteWebhook",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, DeleteWebhookDocument, { id: t.webhook.id }, token)),
  },
  {
    name: "setSocket",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(
        await gql(
          running.url,
          SetSocketDocument,
          { instanceId: t.instance.id, input: { enabled: true } },
          token,
        ),
      ),
  },
  {
    name: "deleteSocket",
    scope: "instance",
    api: "graphql",
    run: async (t, token) =>
      fromGraphQL(await gql(running.url, DeleteSocketDocument, { instanceId: t.instance.id }, token)),
  },
  {
    name: "CodeChat DELETE socket",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "DELETE", `/api/v2/instance/${t.instance.uuid}/socket`, {
          headers: auth(token),
        }),
        "codechat",
      ),
  },
  {
    name: "CodeChat PUT webhook",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "PUT", `/api/v2/instance/${t.instance.uuid}/webhook/${t.webhook.webhookId}`, {
          headers: auth(token),
          body: { name: "renamed" },
        }),
        "codechat",
      ),
  },
  {
    name: "CodeChat DELETE logout",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "DELETE", `/api/v2/instance/${t.instance.uuid}/logout`, {
          headers: auth(token),
        }),
        "codechat",
      ),
  },
  {
    name: "Evolution DELETE instance",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "DELETE", `/instance/delete/${t.instance.name}`, {
          headers: token ? { apikey: token } : undefined,
        }),
        "evolution",
      ),
  },
  {
    name: "Evolution DELETE logout",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "DELETE", `/instance/logout/${t.instance.name}`, {
          headers: token ? { apikey: token } : undefined,
        }),
        "evolution",
      ),
  },
  {
    name: "RyzeAPI POST websocket",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "POST", `/api/events/websocket/${t.instance.name}`, {
          headers: token ? { token } : undefined,
          body: { enabled: true },
        }),
        "ryze",
      ),
  },
  {
    name: "RyzeAPI GET websocket",
    scope: "instance",
    api: "rest",
    run: async (t, token) =>
      fromRest(
        await rest(running.url, "GET", `/api/events/getWebsocket/${t.instance.name}`, {
          headers: token ? { token } : undefined,
        }),
        "ryze",
      ),
  },
  {
    name: "RyzeAPI POST instance/new",
    scope: "account",
    api: "rest",
    run: async (_t, token) =>
      fromRest(
        await rest(running.url, "POST", "/api/instance/new", {
          headers: token ? { token } : undefined,
          body: { name: uniqueName("r") },
        }),
        "ryze",
      ),
  },
];

function expected(operation: Operation, caller: Caller): Outcome {
  if (caller === "none" || caller === "wrong") return "unauthorized";
  if (caller === "account") return "allowed";
  if (operation.scope === "account" || caller === "other")
    return operation.api === "rest" ? "unauthorized" : "forbidden";
  return "allowed";
}

describe("auth matrix", () => {
  for (const operation of operations) {
    it(`${operation.name}: ${CALLERS.join(", ")}`, async () => {
      const other = await createInstance(running.url);
      const outcomes: Record<string, Outcome> = {};
      for (const caller of CALLERS) {
        // A fresh target per caller: some operations delete or rotate what they touch.
        const target = await prepare();
        outcomes[caller] = await operation.run(target, tokenFor(caller, target, other));
      }
      expect(outcomes).toEqual(
        Object.fromEntries(CALLERS.map((caller) => [caller, expected(operation, caller)])),
      );
    });
  }
});
