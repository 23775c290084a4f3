import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../src/limits/rate-limits.ts";
import { DeleteInstanceDocument, SetSocketDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

describe("rate limits", () => {
  it("allows 10 instance deletions a minute per caller, across GraphQL and Evolution's REST path", async () => {
    const instances = [];
    for (let index = 0; index < 12; index += 1) instances.push(await createInstance(running.url));
    for (const instance of instances.slice(0, 10)) {
      const result = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
      expect(result.data?.deleteInstance.__typename).toBe("DeletedInstance");
    }
    const limited = await gql(running.url, DeleteInstanceDocument, { id: instances[10].id }, ACCOUNT_TOKEN);
    expect(limited.data?.deleteInstance).toMatchObject({
      __typename: "RateLimitedError",
      code: "RATE_LIMITED",
    });
    if (limited.data?.deleteInstance.__typename === "RateLimitedError") {
      expect(limited.data.deleteInstance.retryAfterSeconds).toBeGreaterThan(0);
    }
    const viaRest = await rest(running.url, "DELETE", `/instance/delete/${instances[11].name}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(viaRest.status).toBe(429);
    expect(viaRest.body).toEqual({ error: true, message: expect.stringMatching(/Rate limit exceeded/) });
    // Nothing was deleted by the refused requests.
    expect(await running.app.services.prisma.instance.count({ where: { id: instances[11].uuid } })).toBe(1);
    // Another caller has its own budget.
    const own = await gql(running.url, DeleteInstanceDocument, { id: instances[10].id }, instances[10].token);
    expect(own.data?.deleteInstance.__typename).toBe("DeletedInstance");
  });

  it("declares the hourly deletion window next to the per-minute one", async () => {
    expect(RATE_LIMITS["Mutation.deleteInstance"]).toEqual([
      { limit: 10, duration: 60 },
      { limit: 100, duration: 3600 },
    ]);
    const sdl = await rest(running.url, "POST", "/graphql", {
      body: { query: "{ __schema { directives { name } } }" },
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
    });
    const names = sdl.body.data.__schema.directives.map((directive: { name: string }) => directive.name);
    expect(names).toEqual(expect.arrayContaining(["rateLimit", "rateLimitLong"]));
    const limiter = running.app.services.limits;
    for (let index = 0; index < 100; index += 1) {
      expect(await limiter.consumeWindow({ limit: 100, duration: 3600 }, "hourly-probe")).toBeNull();
    }
    expect(await limiter.consumeWindow({ limit: 100, duration: 3600 }, "hourly-probe")).toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("allows 100 websocket configuration changes a minute per token, shared by GraphQL and RyzeAPI", async () => {
    const instance = await createInstance(running.url);
    const other = await createInstance(running.url);
    for (let index = 0; index < 50; index += 1) {
      const result = await gql(
        running.url,
        SetSocketDocument,
        { instanceId: instance.id, input: { enabled: true } },
        instance.token,
      );
      expect(result.data?.setSocket.__typename).toBe("Socket");
    }
    for (let index = 0; index < 50; index += 1) {
      const answer = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
        headers: { token: instance.token },
        body: { enabled: true },
      });
      expect(answer.status).toBe(200);
    }
    const limited = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
      headers: { token: instance.token },
      body: { enabled: false },
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      success: false,
      error: { message: "Rate limit exceeded. Try again later." },
    });
    const viaGraphQL = await gql(
      running.url,
      SetSocketDocument,
      { instanceId: instance.id, input: { enabled: false } },
      instance.token,
    );
    expect(viaGraphQL.data?.setSocket.__typename).toBe("RateLimitedError");
    const socket = await running.app.services.prisma.socket.findUniqueOrThrow({
      where: { instanceId: instance.uuid },
    });
    expect(socket.enabled).toBe(true);
    const otherToken = await rest(running.url, "POST", `/api/events/websocket/${other.name}`, {
      headers: { token: other.token },
      body: { enabled: true },
    });
    expect(otherToken.status).toBe(200);
  });
});
