// Unknown callers learn nothing: every REST path authenticates (and, where the path names an
// instance, authorizes) before it reads or validates the body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendTextDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, createWebhook, type InstanceFixture } from "../support/fixtures.ts";

let running: RunningApp;
let instance: InstanceFixture;
let other: InstanceFixture;
let webhookId: string;
beforeAll(async () => {
  running = await startApp({ BODY_LIMIT_BYTES: "65536" });
  instance = await createInstance(running.url);
  other = await createInstance(running.url);
  webhookId = (await createWebhook(running.url, instance)).webhookId;
});
afterAll(async () => {
  await running.stop();
});

type Family = "codechat" | "evolution" | "ryze";
const refused: Record<Family, unknown> = {
  codechat: { message: [expect.any(String)], error: "Unauthorized", statusCode: 401 },
  evolution: { error: true, message: "Unauthorized" },
  ryze: { success: false, error: { message: "Invalid token" } },
};
const header: Record<Family, (token: string) => Record<string, string>> = {
  codechat: (token) => ({ authorization: `Bearer ${token}` }),
  evolution: (token) => ({ apikey: token }),
  ryze: (token) => ({ token }),
};

/** Every shim path, with a body that would fail validation. */
const paths = (): { family: Family; method: string; path: string; scoped: boolean }[] => [
  { family: "codechat", method: "DELETE", path: `/api/v2/instance/${instance.uuid}/socket`, scoped: true },
  {
    family: "codechat",
    method: "PUT",
    path: `/api/v2/instance/${instance.uuid}/webhook/${webhookId}`,
    scoped: true,
  },
  { family: "codechat", method: "DELETE", path: `/api/v2/instance/${instance.uuid}/logout`, scoped: true },
  { family: "evolution", method: "DELETE", path: `/instance/delete/${instance.name}`, scoped: true },
  { family: "evolution", method: "DELETE", path: `/instance/logout/${instance.name}`, scoped: true },
  { family: "ryze", method: "POST", path: `/api/events/websocket/${instance.name}`, scoped: true },
  { family: "ryze", method: "GET", path: `/api/events/getWebsocket/${instance.name}`, scoped: true },
  { family: "ryze", method: "POST", path: "/api/instance/new", scoped: false },
];

const badBodies: { name: string; rawBody?: string; body?: unknown }[] = [
  { name: "no body" },
  { name: "malformed JSON", rawBody: '{"name": "x",' },
  { name: "wrong types", body: { name: 42, enabled: "maybe", events: [7] } },
  { name: "too large", rawBody: JSON.stringify({ name: "x".repeat(70_000) }) },
];

async function storedRows() {
  const prisma = running.app.services.prisma;
  return {
    instances: await prisma.instance.findMany({ orderBy: { id: "asc" } }),
    webhooks: await prisma.webhook.findMany({ orderBy: { id: "asc" } }),
    sockets: await prisma.socket.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("REST paths authenticate before they validate", () => {
  it("answer 401 in the family's shape to no token, a garbage token and a revoked one, whatever the body", async () => {
    const before = await storedRows();
    const revoked = await createInstance(running.url);
    await running.app.services.instances.rotateToken({ kind: "account" }, { id: revoked.uuid });
    for (const { family, method, path } of paths()) {
      for (const token of [undefined, "garbage-token-0123456789", revoked.token]) {
        for (const bad of method === "GET" ? badBodies.slice(0, 1) : badBodies) {
          const answer = await rest(running.url, method, path, {
            headers: token ? header[family](token) : {},
            body: bad.body,
            rawBody: bad.rawBody,
          });
          expect({ path, token, bad: bad.name, status: answer.status }).toEqual({
            path,
            token,
            bad: bad.name,
            status: 401,
          });
          expect(answer.body).toEqual(refused[family]);
        }
      }
    }
    const after = await storedRows();
    expect(after.webhooks).toEqual(before.webhooks);
    expect(after.sockets).toEqual(before.sockets);
    expect(after.instances.filter((row) => row.id !== revoked.uuid)).toEqual(before.instances);
  });

  it("answer 401 to another instance's token before looking at the body", async () => {
    for (const { family, method, path } of paths()) {
      for (const bad of method === "GET" ? badBodies.slice(0, 1) : badBodies) {
        const answer = await rest(running.url, method, path, {
          headers: header[family](other.token),
          body: bad.body,
          rawBody: bad.rawBody,
        });
        expect({ path, bad: bad.name, status: answer.status }).toEqual({ path, bad: bad.name, status: 401 });
        expect(answer.body).toEqual(refused[family]);
      }
    }
  });

  it("validate the body of a caller that may use the path", async () => {
    const answer = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
      headers: { token: instance.token },
      body: { enabled: "maybe" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, error: { message: "Invalid request body" } });
    const tooLarge = await rest(
      running.url,
      "PUT",
      `/api/v2/instance/${instance.uuid}/webhook/${webhookId}`,
      {
        headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
        rawBody: JSON.stringify({ name: "x".repeat(70_000) }),
      },
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, error: "Payload Too Large" });
  });
});

describe("GraphQL operations on an instance", () => {
  it("refuse another instance's token before validating the input", async () => {
    const sends = [
      { to: "not a number", text: "hi" },
      { to: "15551234567", text: "" },
    ];
    for (const variables of sends) {
      const foreign = await gql(
        running.url,
        SendTextDocument,
        { instanceId: instance.id, ...variables },
        other.token,
      );
      expect(foreign.data?.sendText.__typename).toBe("ForbiddenError");
      const own = await gql(
        running.url,
        SendTextDocument,
        { instanceId: instance.id, ...variables },
        instance.token,
      );
      expect(own.data?.sendText.__typename).toBe("ValidationError");
    }
  });
});

describe("errors raised before a route runs", () => {
  it("answer a path that cannot be decoded or is too long in its family's shape", async () => {
    const cases: { path: string; status: number; body: unknown }[] = [
      {
        path: "/instance/delete/%ZZ",
        status: 400,
        body: { error: true, message: expect.stringMatching(/not a valid URL/) },
      },
      {
        path: "/api/v2/instance/%ZZ/logout",
        status: 400,
        body: { message: [expect.stringMatching(/not a valid URL/)], error: "Bad Request", statusCode: 400 },
      },
      {
        path: `/api/events/getWebsocket/${"a".repeat(3000)}`,
        status: 414,
        body: { success: false, error: { message: expect.stringMatching(/too long/) } },
      },
      {
        path: `/instance/delete/${"a".repeat(3000)}`,
        status: 414,
        body: { error: true, message: expect.stringMatching(/too long/) },
      },
    ];
    for (const { path, status, body } of cases) {
      const method = path.includes("getWebsocket") ? "GET" : "DELETE";
      const answer = await rest(running.url, method, path, { headers: { apikey: ACCOUNT_TOKEN } });
      expect({ path: path.slice(0, 40), status: answer.status }).toEqual({ path: path.slice(0, 40), status });
      expect(answer.body).toEqual(body);
      expect(JSON.stringify(answer.body).length).toBeLessThan(300);
    }
  });

  it("answer malformed, empty and too large GraphQL bodies in GraphQL's error shape", async () => {
    const auth = { authorization: `Bearer ${ACCOUNT_TOKEN}` };
    const cases = [
      { rawBody: "{ not json", status: 400 },
      { rawBody: "", status: 400 },
      { body: { query: "{ __typename }", variables: { pad: "z".repeat(70_000) } }, status: 413 },
    ];
    for (const { status, ...request } of cases) {
      const answer = await rest(running.url, "POST", "/graphql", { headers: auth, ...request });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: expect.any(String) } }],
      });
    }
  });
});
