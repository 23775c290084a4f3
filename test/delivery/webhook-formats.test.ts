// What a receiver written for one API family gets: its envelope, event names and headers;
// and what holds across a secret rotation, an instance's deletion and a restart.
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_FLAGS, type EventType } from "../../src/events/types.ts";
import {
  type CreateWebhookInput,
  DeleteInstanceDocument,
  RotateWebhookSecretDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, type InstanceFixture, uniqueName } from "../support/fixtures.ts";
import { createHook, receiversClosedAfterEach } from "../support/webhooks.ts";
import { until } from "../support/whatsapp.ts";

const SETTINGS = { OUTBOUND_ALLOW: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "0,100ms,200ms,300ms,5s,5s" };

let running: RunningApp;
const receiver = receiversClosedAfterEach();

beforeAll(async () => {
  running = await startApp(SETTINGS);
});
afterAll(async () => {
  await running?.stop();
});

const hook = (instance: InstanceFixture, url: string, input: Partial<CreateWebhookInput> = {}) =>
  createHook(running.url, instance, url, input);

function emit(instanceId: string, instanceName: string, type: EventType, data: unknown = { n: 1 }) {
  return running.app.services.log.emit({ instanceId, instanceName, type, data });
}

describe("webhook event flags", () => {
  it("send each webhook exactly the event types it has on, for every type, and instanceDelete to all", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    for (const flag of EVENT_FLAGS) {
      const only = Object.fromEntries(EVENT_FLAGS.map((each) => [each, each === flag]));
      await hook(instance, `${target.url}?flag=${flag}`, { events: only });
    }
    for (const type of EVENT_FLAGS) await emit(instance.uuid, instance.name, type);
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(deleted.errors).toBeUndefined();
    await target.waitFor(EVENT_FLAGS.length * 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = new Map<string, string[]>();
    for (const hit of target.hits) {
      const flag = new URL(hit.path, "http://x").searchParams.get("flag") as string;
      received.set(flag, [...(received.get(flag) ?? []), JSON.parse(hit.body).type]);
    }
    for (const flag of EVENT_FLAGS)
      expect({ flag, types: received.get(flag) }).toEqual({ flag, types: [flag, "instanceDelete"] });
  });
});

describe("webhook formats", () => {
  it("CodeChat: {event, instance, data} with dotted names and the x-instanceId headers", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    await hook(instance, target.url, { format: "CODECHAT", authorization: "Bearer downstream" });
    await emit(instance.uuid, instance.name, "messagesUpsert", { text: "hi" });
    const [hit] = await target.waitFor(1);
    expect(JSON.parse(hit.body)).toEqual({
      event: "messages.upsert",
      instance: { id: instance.uuid, name: instance.name },
      data: { text: "hi" },
    });
    expect(hit.headers).toMatchObject({
      "x-instanceid": instance.uuid,
      "x-whatsappid": "",
      "x-businessid": "",
      authorization: "Bearer downstream",
    });
  });

  it("Evolution: {event, instance, data, destination, date_time, sender, server_url} and the X-Instance headers", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    await hook(instance, target.url, { format: "EVOLUTION" });
    const [event] = await emit(instance.uuid, instance.name, "connectionUpdate", { state: "open" });
    const [hit] = await target.waitFor(1);
    expect(JSON.parse(hit.body)).toEqual({
      event: "connection.update",
      instance: instance.name,
      data: { state: "open" },
      destination: target.url,
      date_time: event.timestamp.toISOString(),
      sender: null,
      server_url: null,
    });
    expect(hit.headers).toMatchObject({
      "x-instance-id": instance.uuid,
      "x-instance-name": instance.name,
      "x-event-type": "CONNECTION_UPDATE",
      "x-timestamp": String(event.timestamp.getTime()),
    });
  });

  it("RyzeAPI: a webhook made at instance creation gets {event, data, instanceData} with coarse names only", async () => {
    const target = await receiver();
    const name = uniqueName("ryze");
    const created = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name, webhookEnabled: true, webhookURL: target.url },
    });
    expect(created.status).toBe(201);
    const row = await running.app.services.prisma.instance.findUniqueOrThrow({ where: { name } });
    await emit(row.id, name, "presenceUpdate");
    const [event] = await emit(row.id, name, "sendMessage", { text: "out" });
    const [hit] = await target.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.hits).toHaveLength(1);
    expect(JSON.parse(hit.body)).toEqual({
      event: "message.exchange",
      data: { text: "out" },
      instanceData: { instance: name, instanceId: row.id },
      id: event.id,
      type: "sendMessage",
      timestamp: event.timestamp.toISOString(),
    });
  });

  it("sign with the new and the previous secret during a rotation's grace", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    const webhook = await hook(instance, target.url);
    const rotated = await gql(running.url, RotateWebhookSecretDocument, { id: webhook.id }, ACCOUNT_TOKEN);
    if (rotated.data?.rotateWebhookSecret.__typename !== "Webhook") throw new Error(JSON.stringify(rotated));
    const newSecret = rotated.data.rotateWebhookSecret.signingSecret as string;
    await until(
      async () => {
        await emit(instance.uuid, instance.name, "presenceUpdate");
        return target.waitFor(target.hits.length + 1);
      },
      (hits) => String(hits.at(-1)?.headers["webhook-signature"]).split(" ").length === 2,
    );
    const hit = target.hits.at(-1) as (typeof target.hits)[number];
    const headers = hit.headers as Record<string, string>;
    for (const secret of [webhook.secret, newSecret]) {
      expect(() => new StandardWebhook(secret).verify(hit.body, headers)).not.toThrow();
    }
  });

  it("deliver instanceDelete last, after the instance's rows are gone", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    await hook(instance, target.url);
    await emit(instance.uuid, instance.name, "presenceUpdate");
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(deleted.errors).toBeUndefined();
    expect(await running.app.services.prisma.webhook.count({ where: { instanceId: instance.uuid } })).toBe(0);
    const hits = await target.waitFor(2);
    expect(hits.map((hit) => JSON.parse(hit.body).type)).toEqual(["presenceUpdate", "instanceDelete"]);
  });

  it("deliver a deleted instance's last events, instanceDelete included, after a restart", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    let down = true;
    target.answer = (_hit, response) => void response.writeHead(down ? 500 : 200).end();
    await hook(instance, target.url);
    const [event] = await emit(instance.uuid, instance.name, "presenceUpdate");
    await target.waitFor(4);
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(deleted.errors).toBeUndefined();
    // Stopped while the receiver is still down: only the retired snapshot is left.
    await running.app.close();
    down = false;
    const before = target.hits.length;
    running = await startApp(SETTINGS, running.databaseUrl);
    const hits = await target.waitFor(before + 2, 15_000);
    expect(hits.slice(before).map((hit) => JSON.parse(hit.body).type)).toEqual([
      "presenceUpdate",
      "instanceDelete",
    ]);
    expect(hits[before].headers["webhook-id"]).toBe(event.id);
    await until(
      () => running.app.services.prisma.retiredWebhook.count({ where: { instanceId: instance.uuid } }),
      (count) => count === 0,
    );
  });

  it("keep a delivery's attempts and its place across a restart", async () => {
    const instance = await createInstance(running.url);
    const target = await receiver();
    let down = true;
    target.answer = (_hit, response) => void response.writeHead(down ? 500 : 200).end();
    const webhook = await hook(instance, target.url);
    const events = [
      ...(await emit(instance.uuid, instance.name, "presenceUpdate", { n: 1 })),
      ...(await emit(instance.uuid, instance.name, "presenceUpdate", { n: 2 })),
    ];
    // Down through the quick retries: the next one is 5 s away when the gateway stops.
    await target.waitFor(4);
    await running.app.close();
    const before = target.hits.length;
    down = false;
    running = await startApp(SETTINGS, running.databaseUrl);
    const hits = await target.waitFor(before + 2, 15_000);
    const after = hits.slice(before).map((hit) => hit.headers["webhook-id"]);
    expect(after).toEqual(events.map((event) => event.id));
    const log = await until(
      () =>
        running.app.services.prisma.delivery.findMany({
          where: { webhookId: webhook.webhookId },
          orderBy: { seq: "asc" },
        }),
      (rows) => rows.length === 2 && rows.every((row) => row.status === "delivered"),
    );
    expect((JSON.parse(log[0].attempts) as unknown[]).length).toBe(5);
  });
});
