// Webhook deliveries from the event log to real receivers on loopback: signed, in order, at
// least once, retried, and never held up by another receiver.
import { createHmac, randomBytes } from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventType } from "../../src/events/types.ts";
import { type CreateWebhookInput, SendMediaDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { bodies, createHook, receiversClosedAfterEach } from "../support/webhooks.ts";
import { linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15554480001";
const CONTACT = "15554480002";
const SETTINGS = {
  OUTBOUND_ALLOW: "127.0.0.1",
  WEBHOOK_RETRY_SCHEDULE: "0,100ms,200ms,300ms,400ms,500ms,500ms,1s,1s,1s,2s,2s",
  WEBHOOK_TIMEOUT_MS: "1000",
};

let sim: WhatsAppSimulator;
let running: RunningApp;
let linked: InstanceFixture;
const receiver = receiversClosedAfterEach();

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim, SETTINGS);
  linked = await createInstance(running.url);
  await linkInstance(running, sim, linked, ACCOUNT);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

const hook = (instance: InstanceFixture, url: string, input: Partial<CreateWebhookInput> = {}) =>
  createHook(running.url, instance, url, input);

/** Events through the real log, as services emit them. */
function emit(instance: InstanceFixture, count: number, type: EventType = "messagesUpsert") {
  return running.app.services.log.emit(
    Array.from({ length: count }, (_, n) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type,
      data: { n },
    })),
  );
}

describe("webhook deliveries", () => {
  it("deliver inbound messages signed per Standard Webhooks, in order, each once", async () => {
    const target = await receiver();
    const webhook = await hook(linked, target.url);
    expect(webhook.secret).toMatch(/^whsec_/);
    const contact = sim.contact(CONTACT, "Erin");
    const sent: string[] = [];
    for (let n = 0; n < 20; n += 1) sent.push(await contact.sendText(ACCOUNT, `hello ${n}`));
    const fromContact = (body: { type: string; data: { message?: { key: { remoteJid: string } } } }) =>
      body.type === "messagesUpsert" && body.data.message?.key.remoteJid.startsWith(CONTACT);
    const messages = () => target.hits.filter((hit) => fromContact(JSON.parse(hit.body)));
    await until(
      async () => messages().length,
      (count) => count >= 20,
    );
    const received = bodies(messages());
    expect(received.map((body) => body.data.message.key.id)).toEqual(sent);
    const seqs = bodies(target.hits).map((body) => body.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(target.hits.map((hit) => hit.headers["webhook-id"])).size).toBe(target.hits.length);
    for (const hit of target.hits) {
      const headers = hit.headers as Record<string, string>;
      expect(headers["webhook-id"]).toBe(JSON.parse(hit.body).id);
      // With the maintained verifier …
      expect(() => new StandardWebhook(webhook.secret).verify(hit.body, headers)).not.toThrow();
      // … and with the recipe the README shows.
      const key = Buffer.from(webhook.secret.slice("whsec_".length), "base64");
      const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${hit.body}`;
      const expected = `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
      expect(headers["webhook-signature"].split(" ")).toContain(expected);
    }
  });

  it("keep everything while the receiver is down, then deliver it in order with the same ids", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    let down = true;
    target.answer = (_hit, response) => void response.writeHead(down ? 503 : 200).end();
    const webhook = await hook(instance, target.url);
    const events = await emit(instance, 30);
    await target.waitFor(3);
    down = false;
    await until(
      async () =>
        new Set(
          target.hits.filter((hit) => hit.headers["webhook-id"]).map((hit) => hit.headers["webhook-id"]),
        ).size,
      (count) => count >= 30,
    );
    const ids = events.map((event) => event.id);
    const delivered = target.hits.map((hit) => hit.headers["webhook-id"] as string);
    // The first event was retried with its own id; afterwards each once, in order.
    expect([...new Set(delivered)]).toEqual(ids);
    expect(delivered.filter((id) => id === ids[0]).length).toBeGreaterThanOrEqual(3);
    const log = await until(
      () =>
        running.app.services.prisma.delivery.findMany({
          where: { webhookId: webhook.webhookId },
          orderBy: { seq: "asc" },
        }),
      (rows) => rows.length === 30,
    );
    expect(log.every((row) => row.status === "delivered")).toBe(true);
    const first = JSON.parse(log[0].attempts) as { statusCode: number }[];
    expect(first.map((attempt) => attempt.statusCode).slice(0, 3)).toEqual([503, 503, 503]);
    expect(first.at(-1)?.statusCode).toBe(200);
  });

  it("do not let a slow receiver delay a fast one", async () => {
    const instance = await createInstance(running.url);
    const slow = await receiver();
    const fast = await receiver();
    slow.answer = (_hit, response) => void setTimeout(() => response.writeHead(200).end(), 1500);
    await hook(instance, slow.url);
    await hook(instance, fast.url);
    await emit(instance, 10);
    await fast.waitFor(10, 5000);
    expect(slow.hits.length).toBeLessThanOrEqual(1);
  });

  it("honour each webhook's event flags", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    await hook(instance, target.url, { events: { messagesUpsert: false } });
    await emit(instance, 5, "messagesUpsert");
    await emit(instance, 2, "presenceUpdate");
    await target.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bodies(target.hits).map((body) => body.type)).toEqual(["presenceUpdate", "presenceUpdate"]);
  });

  it("turn a webhook off when its receiver answers 410 Gone", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    target.answer = (_hit, response) => void response.writeHead(410).end();
    const webhook = await hook(instance, target.url);
    await emit(instance, 3);
    const row = await until(
      () => running.app.services.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.webhookId } }),
      (found) => !found.enabled,
    );
    expect(row.disabledReason).toMatch(/410/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.hits).toHaveLength(1);
  });

  it("wait as long as Retry-After says on 429", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    target.answer = (_hit, response) => {
      if (target.hits.length === 1) response.writeHead(429, { "retry-after": "1" }).end();
      else response.writeHead(200).end();
    };
    await hook(instance, target.url);
    await emit(instance, 1);
    const hits = await target.waitFor(2);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(950);
  });

  it("give up on a request that takes longer than WEBHOOK_TIMEOUT_MS, and retry it", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    // Headers at once, then a body that never ends.
    target.answer = (_hit, response) => {
      if (target.hits.length === 1) response.writeHead(200).write("partial");
      else response.writeHead(200).end();
    };
    const webhook = await hook(instance, target.url);
    await emit(instance, 1);
    const hits = await target.waitFor(2, 10_000);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(900);
    const [delivery] = await until(
      () => running.app.services.prisma.delivery.findMany({ where: { webhookId: webhook.webhookId } }),
      (rows) => rows[0]?.status === "delivered",
    );
    expect(JSON.parse(delivery.attempts)[0]).toMatchObject({ statusCode: null, error: "timed out" });
  });

  it("inline a message's decrypted media in base64 when the webhook asks for it", async () => {
    const target = await receiver();
    await hook(linked, target.url, {
      mediaBase64: true,
      events: { messagesUpsert: false, presenceUpdate: false },
    });
    const picture = randomBytes(3000);
    const sent = await gql(
      running.url,
      SendMediaDocument,
      {
        instanceId: linked.id,
        to: CONTACT,
        kind: "document",
        base64: picture.toString("base64"),
        fileName: "a.bin",
      },
      ACCOUNT_TOKEN,
    );
    expect(sent.data?.sendMedia.__typename).toBe("Message");
    const hits = await until(
      async () => bodies(target.hits).filter((body) => body.type === "sendMessage"),
      (found) => found.length > 0,
    );
    const content = hits[0].data.message;
    expect(content.documentMessage.fileName).toBe("a.bin");
    expect(Buffer.from(content.base64, "base64").equals(picture)).toBe(true);
  });
});
