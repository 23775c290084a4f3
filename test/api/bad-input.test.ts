import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateWebhookDocument, InstanceDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, createWebhook, type InstanceFixture } from "../support/fixtures.ts";

let running: RunningApp;
let instance: InstanceFixture;
let webhookId: string;
beforeAll(async () => {
  running = await startApp({ BODY_LIMIT_BYTES: "65536", GRAPHQL_MAX_DEPTH: "8" });
  instance = await createInstance(running.url);
  webhookId = (await createWebhook(running.url, instance)).webhookId;
});
afterAll(async () => {
  await running.stop();
});

async function storedState() {
  const prisma = running.app.services.prisma;
  return {
    instances: await prisma.instance.findMany({ orderBy: { id: "asc" } }),
    webhooks: await prisma.webhook.findMany({ orderBy: { id: "asc" }, include: { events: true } }),
    sockets: await prisma.socket.findMany({ orderBy: { id: "asc" } }),
  };
}

const huge = JSON.stringify({ name: "x".repeat(70_000) });

describe("bad input answers 4xx in each family's shape and changes nothing", () => {
  it("rejects malformed JSON, huge bodies and wrong types on every family", async () => {
    const before = await storedState();
    const cases: {
      method: string;
      path: string;
      headers: Record<string, string>;
      shape: (status: number) => unknown;
    }[] = [
      {
        method: "PUT",
        path: `/api/v2/instance/${instance.uuid}/webhook/${webhookId}`,
        headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
        shape: (status: number) => ({
          message: expect.any(Array),
          error: expect.any(String),
          statusCode: status,
        }),
      },
      {
        method: "POST",
        path: `/api/events/websocket/${instance.name}`,
        headers: { token: ACCOUNT_TOKEN },
        shape: () => ({ success: false, error: { message: expect.any(String) } }),
      },
      {
        method: "POST",
        path: "/api/instance/new",
        headers: { token: ACCOUNT_TOKEN },
        shape: () => ({ success: false, error: { message: expect.any(String) } }),
      },
    ];
    for (const { method, path, headers, shape } of cases) {
      const malformed = await rest(running.url, method, path, { headers, rawBody: '{"name": "x",' });
      expect(malformed.status, `${path} malformed`).toBe(400);
      expect(malformed.body).toEqual(shape(400));
      const tooLarge = await rest(running.url, method, path, { headers, rawBody: huge });
      expect(tooLarge.status, `${path} too large`).toBe(413);
      expect(tooLarge.body).toEqual(shape(413));
      const wrongTypes = await rest(running.url, method, path, {
        headers,
        body: { name: 42, enabled: "maybe" },
      });
      expect(wrongTypes.status, `${path} wrong types`).toBe(400);
      expect(wrongTypes.body).toEqual(shape(400));
      const notJson = await rest(running.url, method, path, {
        headers: { ...headers, "content-type": "text/plain" },
        rawBody: "name=x",
      });
      expect(notJson.status, `${path} text/plain`).toBe(400);
      expect(notJson.body).toEqual(shape(400));
    }
    const evolution = await rest(running.url, "DELETE", `/instance/delete/${"y".repeat(300)}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(evolution.status).toBe(400);
    expect(evolution.body).toEqual({ error: true, message: expect.any(String) });
    expect(await storedState()).toEqual(before);
  });

  it("answers GraphQL errors, not 500s, for malformed requests and limits", async () => {
    const malformed = await rest(running.url, "POST", "/graphql", { rawBody: "{ not json" });
    expect(malformed.status).toBe(400);
    const tooLarge = await rest(running.url, "POST", "/graphql", {
      body: { query: `{ __typename }`, variables: { pad: "z".repeat(70_000) } },
    });
    expect(tooLarge.status).toBe(413);
    const wrongVariables = await gql(
      running.url,
      InstanceDocument,
      { id: { nested: true } as never },
      ACCOUNT_TOKEN,
    );
    expect(wrongVariables.errors?.length).toBeGreaterThan(0);
    expect(wrongVariables.status).toBeLessThan(500);

    const aliasBomb = `{ ${Array.from({ length: 50 }, (_, index) => `a${index}: instances { totalCount }`).join(" ")} }`;
    const aliases = await rest(running.url, "POST", "/graphql", {
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
      body: { query: aliasBomb },
    });
    expect(aliases.body.data).toBeUndefined();
    expect(JSON.stringify(aliases.body.errors)).toMatch(/alias/i);
  });

  it("refuses queries nested past the depth limit", async () => {
    // This app runs with GRAPHQL_MAX_DEPTH=8; fragments count as a level each.
    const wrap = (inner: string, times: number) =>
      "... on Instance { ".repeat(times) + inner + " }".repeat(times);
    const deep = `{ instances { edges { node { ${wrap("webhooks { events { qrcodeUpdate } }", 5)} } } } }`;
    const refused = await rest(running.url, "POST", "/graphql", {
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
      body: { query: deep },
    });
    expect(refused.body.data).toBeUndefined();
    expect(JSON.stringify(refused.body.errors)).toMatch(/depth/i);
    const shallow = "{ instances { edges { node { webhooks { url } } } } }";
    const allowed = await rest(running.url, "POST", "/graphql", {
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
      body: { query: shallow },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();
  });

  it("rejects invalid webhook URLs and unknown ids with typed errors", async () => {
    for (const url of [
      "javascript:alert(1)",
      "not a url",
      "ftp://example.com/x",
      `https://${"a".repeat(3000)}.com`,
    ]) {
      const result = await gql(
        running.url,
        CreateWebhookDocument,
        { instanceId: instance.id, input: { name: `bad-${url.length}`, url } },
        ACCOUNT_TOKEN,
      );
      expect(result.data?.createWebhook).toMatchObject({ __typename: "ValidationError" });
    }
    const unknown = await gql(running.url, InstanceDocument, { id: crypto.randomUUID() }, ACCOUNT_TOKEN);
    expect(unknown.data?.instance.__typename).toBe("NotFoundError");
  });

  it("refuses simple cross-site GraphQL requests", async () => {
    const answer = await fetch(`${running.url}/graphql?query=%7B__typename%7D`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(answer.status).toBe(403);
  });
});
