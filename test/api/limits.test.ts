import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

const limitHeaders = (headers: Headers) =>
  Object.fromEntries(
    ["retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"].map((name) => [
      name,
      headers.get(name),
    ]),
  );

describe("rate limits", () => {
  it("allows 10 instance deletions a minute per caller, across GraphQL and Evolution's REST path", async () => {
    const instances = [];
    for (let index = 0; index < 12; index += 1) instances.push(await createInstance(running.url));
    for (const instance of instances.slice(0, 10)) {
      const result = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
      expect(result.data?.deleteInstance.__typename).toBe("DeletedInstance");
    }
    const limited = await rest(running.url, "POST", "/graphql", {
      body: { query: print(DeleteInstanceDocument), variables: { id: instances[10].id } },
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
    });
    expect(limited.body.data.deleteInstance).toMatchObject({
      __typename: "RateLimitedError",
      code: "RATE_LIMITED",
    });
    const retryAfter = limited.body.data.deleteInstance.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(limitHeaders(limited.headers)).toEqual({
      "retry-after": String(retryAfter),
      "ratelimit-limit": "10",
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(retryAfter),
    });
    const viaRest = await rest(running.url, "DELETE", `/instance/delete/${instances[11].name}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(viaRest.status).toBe(429);
    expect(viaRest.body).toEqual({ error: true, message: expect.stringMatching(/Rate limit exceeded/) });
    expect(limitHeaders(viaRest.headers)).toMatchObject({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "0",
    });
    expect(Number(viaRest.headers.get("retry-after"))).toBeGreaterThan(0);
    // Nothing was deleted by the refused requests.
    expect(await running.app.services.prisma.instance.count({ where: { id: instances[11].uuid } })).toBe(1);
    // Another caller has its own budget.
    const own = await gql(running.url, DeleteInstanceDocument, { id: instances[10].id }, instances[10].token);
    expect(own.data?.deleteInstance.__typename).toBe("DeletedInstance");
  });

  it("allows 100 instance deletions an hour per caller, even when each minute stays under 10", async () => {
    // Only the clock moves: 10 deletions a minute (half through GraphQL, half through Evolution's
    // path) for 10 minutes, then one more.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 7_200_000 });
    try {
      for (let minute = 0; minute < 10; minute += 1) {
        vi.setSystemTime(Date.now() + 61_000);
        for (let index = 0; index < 10; index += 1) {
          const instance = await createInstance(running.url);
          if (index % 2 === 0) {
            const result = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
            expect(result.data?.deleteInstance.__typename).toBe("DeletedInstance");
          } else {
            const result = await rest(running.url, "DELETE", `/instance/delete/${instance.name}`, {
              headers: { apikey: ACCOUNT_TOKEN },
            });
            expect(result.status).toBe(200);
          }
        }
      }
      vi.setSystemTime(Date.now() + 61_000);
      const next = await createInstance(running.url);
      const refused = await gql(running.url, DeleteInstanceDocument, { id: next.id }, ACCOUNT_TOKEN);
      expect(refused.data?.deleteInstance.__typename).toBe("RateLimitedError");
      if (refused.data?.deleteInstance.__typename === "RateLimitedError") {
        // The hour's window, not the minute's: most of the hour is left to wait.
        expect(refused.data.deleteInstance.retryAfterSeconds).toBeGreaterThan(2400);
      }
      const viaRest = await rest(running.url, "DELETE", `/instance/delete/${next.name}`, {
        headers: { apikey: ACCOUNT_TOKEN },
      });
      expect(viaRest.status).toBe(429);
      expect(limitHeaders(viaRest.headers)).toMatchObject({ "ratelimit-limit": "100" });
      expect(await running.app.services.prisma.instance.count({ where: { id: next.uuid } })).toBe(1);
    } finally {
      vi.useRealTimers();
    }
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
