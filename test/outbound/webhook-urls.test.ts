// Webhook URLs outside the outbound policy are refused where they come in: GraphQL
// createWebhook/updateWebhook, CodeChat's PUT webhook and RyzeAPI's instance creation, each
// in its own error shape, with nothing stored.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateWebhookDocument, UpdateWebhookDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, createWebhook, type InstanceFixture, uniqueName } from "../support/fixtures.ts";
import { INTERNAL_URLS } from "./internal-urls.ts";

const ALLOWED_RECEIVER = "http://127.0.0.2:9000/hook";

let running: RunningApp;
let instance: InstanceFixture;
let webhook: { id: string; webhookId: string };
beforeAll(async () => {
  running = await startApp({ OUTBOUND_ALLOW: "127.0.0.2" });
  instance = await createInstance(running.url);
  webhook = await createWebhook(running.url, instance);
});
afterAll(async () => {
  await running?.stop();
});

const storedUrls = async () =>
  (await running.app.services.prisma.webhook.findMany({ where: { instanceId: instance.uuid } })).map(
    (row) => row.url,
  );

describe("webhook URLs outside the outbound policy", () => {
  it("GraphQL createWebhook answers a ValidationError on url for each internal form", async () => {
    for (const url of INTERNAL_URLS) {
      const result = await gql(
        running.url,
        CreateWebhookDocument,
        { instanceId: instance.id, input: { name: uniqueName("w"), url } },
        ACCOUNT_TOKEN,
      );
      expect(result.data?.createWebhook, url).toMatchObject({
        __typename: "ValidationError",
        code: "VALIDATION",
        issues: [{ path: "url", message: expect.stringMatching(/public|internal|credentials|metadata/) }],
      });
    }
    expect(await storedUrls()).toEqual(["https://example.com/hook"]);
  });

  it("GraphQL updateWebhook answers a ValidationError and keeps the URL", async () => {
    for (const url of INTERNAL_URLS) {
      const result = await gql(
        running.url,
        UpdateWebhookDocument,
        { id: webhook.id, input: { url } },
        ACCOUNT_TOKEN,
      );
      expect(result.data?.updateWebhook, url).toMatchObject({
        __typename: "ValidationError",
        message: expect.stringMatching(/^url: /),
      });
    }
    expect(await storedUrls()).toEqual(["https://example.com/hook"]);
  });

  it("CodeChat PUT webhook answers 400 in CodeChat's shape and keeps the webhook", async () => {
    const path = `/api/v2/instance/${instance.uuid}/webhook/${webhook.webhookId}`;
    for (const url of INTERNAL_URLS) {
      const answer = await rest(running.url, "PUT", path, {
        headers: { authorization: `Bearer ${instance.token}` },
        body: { name: "renamed", url, enabled: false },
      });
      expect(answer.status, url).toBe(400);
      expect(answer.body, url).toEqual({
        message: [expect.stringMatching(/^url: /)],
        error: "Bad Request",
        statusCode: 400,
      });
    }
    const stored = await running.app.services.prisma.webhook.findUniqueOrThrow({
      where: { id: webhook.webhookId },
    });
    expect(stored).toMatchObject({ name: "main", url: "https://example.com/hook", enabled: true });
  });

  it("RyzeAPI POST /api/instance/new answers 400 and creates no instance", async () => {
    const names: string[] = [];
    for (const url of INTERNAL_URLS) {
      const name = uniqueName("ryze");
      names.push(name);
      const answer = await rest(running.url, "POST", "/api/instance/new", {
        headers: { token: ACCOUNT_TOKEN },
        body: { name, webhookEnabled: true, webhookURL: url },
      });
      expect(answer.status, url).toBe(400);
      expect(answer.body, url).toEqual({ success: false, error: { message: expect.any(String) } });
    }
    expect(await running.app.services.prisma.instance.count({ where: { name: { in: names } } })).toBe(0);
  });

  it("accepts a receiver the allow setting opens, in every family", async () => {
    const created = await gql(
      running.url,
      CreateWebhookDocument,
      { instanceId: instance.id, input: { name: uniqueName("w"), url: ALLOWED_RECEIVER } },
      ACCOUNT_TOKEN,
    );
    expect(created.data?.createWebhook).toMatchObject({ __typename: "Webhook", url: ALLOWED_RECEIVER });
    const put = await rest(
      running.url,
      "PUT",
      `/api/v2/instance/${instance.uuid}/webhook/${webhook.webhookId}`,
      {
        headers: { authorization: `Bearer ${instance.token}` },
        body: { name: "main", url: ALLOWED_RECEIVER },
      },
    );
    expect(put.status).toBe(200);
    expect(put.body.url).toBe(ALLOWED_RECEIVER);
    const ryze = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name: uniqueName("ryze"), webhookURL: ALLOWED_RECEIVER },
    });
    expect(ryze.status).toBe(201);
    expect(ryze.body.instance.webhook).toMatchObject({ enabled: true, url: ALLOWED_RECEIVER });
  });
});
