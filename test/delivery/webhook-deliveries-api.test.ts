// A webhook owner's view of its deliveries through GraphQL: the log, pause and resume,
// replay, redelivery and a test ping.
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PauseWebhookDocument,
  PingWebhookDocument,
  RedeliverWebhookEventDocument,
  ReplayWebhookEventsDocument,
  ResumeWebhookDocument,
  WebhookDeliveriesDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { bodies, createHook, receiversClosedAfterEach } from "../support/webhooks.ts";
import { until } from "../support/whatsapp.ts";

const SETTINGS = { OUTBOUND_ALLOW: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "0,100ms,100ms" };

let running: RunningApp;
const receiver = receiversClosedAfterEach();

beforeAll(async () => {
  running = await startApp(SETTINGS);
});
afterAll(async () => {
  await running?.stop();
});

async function setup() {
  const instance = await createInstance(running.url);
  const target = await receiver();
  return { instance, target, webhook: await createHook(running.url, instance, target.url) };
}

const emit = (instance: InstanceFixture, count: number) =>
  running.app.services.log.emit(
    Array.from({ length: count }, (_, n) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "presenceUpdate" as const,
      data: { n },
    })),
  );

async function deliveries(webhookId: string, token = ACCOUNT_TOKEN) {
  const result = await gql(running.url, WebhookDeliveriesDocument, { id: webhookId }, token);
  if (result.data?.node?.__typename !== "Webhook") throw new Error(JSON.stringify(result));
  return result.data.node;
}

const ids = (hits: { headers: Record<string, unknown> }[]) => hits.map((hit) => hit.headers["webhook-id"]);

describe("webhook deliveries through GraphQL", () => {
  it("list each delivery with its attempts, newest first, filtered by status", async () => {
    const { instance, target, webhook } = await setup();
    target.answer = (_hit, response) =>
      void response
        .writeHead(target.hits.length === 1 ? 500 : 200)
        .end(target.hits.length === 1 ? "busy" : "ok");
    const events = await emit(instance, 2);
    await target.waitFor(3);
    const view = await until(
      () => deliveries(webhook.id),
      (found) => found.deliveries.totalCount === 2,
    );
    const [newest, oldest] = view.deliveries.edges.map((edge) => edge.node);
    expect([newest.eventId, oldest.eventId]).toEqual([events[1].id, events[0].id]);
    expect(oldest).toMatchObject({ status: "DELIVERED", eventType: "presenceUpdate", lastStatusCode: 200 });
    expect(oldest.attempts.map((attempt) => [attempt.statusCode, attempt.response])).toEqual([
      [500, "busy"],
      [200, "ok"],
    ]);
    expect(oldest.attempts[0].latencyMs).toEqual(expect.any(Number));
    // Another instance's token sees nothing of it.
    const other = await createInstance(running.url);
    const hidden = await gql(running.url, WebhookDeliveriesDocument, { id: webhook.id }, other.token);
    expect(hidden.data?.node).toBeNull();
    const failed = await gql(
      running.url,
      WebhookDeliveriesDocument,
      { id: webhook.id, status: "FAILED" },
      ACCOUNT_TOKEN,
    );
    expect(failed.data?.node?.__typename === "Webhook" && failed.data.node.deliveries.totalCount).toBe(0);
  });

  it("hold deliveries while paused and send them, in order, on resume", async () => {
    const { instance, target, webhook } = await setup();
    const paused = await gql(running.url, PauseWebhookDocument, { id: webhook.id }, instance.token);
    expect(paused.data?.pauseWebhook).toEqual({ __typename: "Webhook", paused: true });
    const events = await emit(instance, 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.hits).toHaveLength(0);
    await gql(running.url, ResumeWebhookDocument, { id: webhook.id }, instance.token);
    await target.waitFor(5);
    expect(ids(target.hits)).toEqual(events.map((event) => event.id));
  });

  it("replay from a sequence number or a time, with the same ids, in order", async () => {
    const { instance, target, webhook } = await setup();
    const events = await emit(instance, 4);
    await target.waitFor(4);
    const replayed = await gql(
      running.url,
      ReplayWebhookEventsDocument,
      { id: webhook.id, fromSeq: events[2].seq },
      ACCOUNT_TOKEN,
    );
    expect(replayed.data?.replayWebhookEvents.__typename).toBe("Webhook");
    await target.waitFor(6);
    expect(ids(target.hits.slice(4))).toEqual([events[2].id, events[3].id]);
    const bySince = await gql(
      running.url,
      ReplayWebhookEventsDocument,
      { id: webhook.id, since: events[0].timestamp.toISOString() },
      ACCOUNT_TOKEN,
    );
    expect(bySince.data?.replayWebhookEvents.__typename).toBe("Webhook");
    await target.waitFor(10);
    expect(ids(target.hits.slice(6))).toEqual(events.map((event) => event.id));
    const neither = await gql(running.url, ReplayWebhookEventsDocument, { id: webhook.id }, ACCOUNT_TOKEN);
    expect(neither.data?.replayWebhookEvents.__typename).toBe("ValidationError");
  });

  it("redeliver a failed delivery, adding the attempt to its log", async () => {
    const { instance, target, webhook } = await setup();
    // Another webhook of the instance hears that the gateway turned the first one off.
    const observer = await receiver();
    await createHook(running.url, instance, observer.url);
    let up = false;
    target.answer = (_hit, response) => void response.writeHead(up ? 200 : 500).end();
    const [event] = await emit(instance, 1);
    // The schedule spent, the gateway records the failure, then turns the webhook off and says why.
    const failed = await until(
      () => deliveries(webhook.id),
      (found) => found.deliveries.edges[0]?.node.status === "FAILED" && !found.enabled,
    );
    expect(failed.enabled).toBe(false);
    expect(failed.disabledReason).toMatch(/every attempt/);
    const told = await until(
      async () => bodies(observer.hits).filter((body) => body.type === "webhookDisabled"),
      (found) => found.length === 1,
    );
    expect(told[0].data).toEqual({
      webhookId: webhook.webhookId,
      name: webhook.name,
      url: target.url,
      reason: failed.disabledReason,
      eventId: event.id,
    });
    up = true;
    const { deliveryId } = failed.deliveries.edges[0].node;
    const redelivered = await gql(running.url, RedeliverWebhookEventDocument, { deliveryId }, ACCOUNT_TOKEN);
    expect(redelivered.data?.redeliverWebhookEvent).toEqual({
      __typename: "WebhookDelivery",
      status: "DELIVERED",
      attempts: [{ statusCode: 500 }, { statusCode: 500 }, { statusCode: 500 }, { statusCode: 200 }],
    });
    expect(target.hits.at(-1)?.headers["webhook-id"]).toBe(event.id);
  });

  it("ping the receiver with a signed request and answer how it went", async () => {
    const { target, webhook } = await setup();
    target.answer = (_hit, response) => void response.writeHead(202).end("pong");
    const pinged = await gql(running.url, PingWebhookDocument, { id: webhook.id }, ACCOUNT_TOKEN);
    expect(pinged.data?.pingWebhook).toMatchObject({
      __typename: "DeliveryAttempt",
      statusCode: 202,
      response: "pong",
    });
    const [hit] = target.hits;
    expect(JSON.parse(hit.body)).toMatchObject({ type: "ping" });
    expect(() =>
      new StandardWebhook(webhook.secret).verify(hit.body, hit.headers as Record<string, string>),
    ).not.toThrow();
  });
});
