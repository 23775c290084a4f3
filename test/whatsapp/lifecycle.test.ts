// The whole life of an instance, driven through the public API, with the real Baileys
// socket talking to the local WhatsApp simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConnectInstanceDocument,
  InstanceEventsDocument,
  InstanceQrDocument,
  MessagesDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { collect, gql, rest, wsClient } from "../support/clients.ts";
import { createInstance, createWebhook, type InstanceFixture } from "../support/fixtures.ts";
import { instanceState, nextEvent, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15551230001";
const CONTACT = "15551230002";
const CONTACT_JID = `${CONTACT}@s.whatsapp.net`;

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  instance = await createInstance(running.url);
  await createWebhook(running.url, instance);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

async function messages(chat?: string) {
  const result = await gql(
    running.url,
    MessagesDocument,
    { id: instance.id, chat, first: 100 },
    ACCOUNT_TOKEN,
  );
  if (result.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(result));
  return result.data.instance;
}

describe("an instance's life with real Baileys against the simulator", () => {
  it("shows a QR on the subscription, pairs when the phone scans, and opens with the account", async () => {
    const client = wsClient(running.wsUrl, instance.token);
    const stream = collect(client, InstanceEventsDocument, {
      instanceId: instance.id,
      types: ["qrcodeUpdate", "connectionUpdate"],
    });
    await until(
      async () => running.app.services.bus.listenerCount(),
      (count) => count > 0,
    );
    const connected = await gql(running.url, ConnectInstanceDocument, { id: instance.id }, instance.token);
    expect(connected.data?.connectInstance).toMatchObject({ __typename: "Instance" });

    await stream.until(() =>
      stream.events.some((event) => event.data?.instanceEvents.type === "qrcodeUpdate"),
    );
    const qrEvent = stream.events.find((event) => event.data?.instanceEvents.type === "qrcodeUpdate");
    const { qr, base64 } = (qrEvent?.data?.instanceEvents.data as
      | { qr: string; base64: string }
      | undefined) ?? { qr: "", base64: "" };
    expect(qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);
    expect(base64).toMatch(/^data:image\/png;base64,/);
    const current = await gql(running.url, InstanceQrDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(current.data?.instance).toMatchObject({ connection: "connecting", qrcode: { code: qr } });

    await sim.phone(ACCOUNT, "Alice Phone").scan(qr);
    await stream.until(() =>
      stream.events.some(
        (event) =>
          event.data?.instanceEvents.type === "connectionUpdate" &&
          (event.data.instanceEvents.data as { state: string }).state === "open",
      ),
    );
    // The push name comes with the phone's first message, just after `open`, and is
    // reported in a second connectionUpdate.
    await stream.until(() =>
      stream.events.some(
        (event) =>
          event.data?.instanceEvents.type === "connectionUpdate" &&
          (event.data.instanceEvents.data as { state: string; pushName?: string }).pushName === "Alice Phone",
      ),
    );
    const state = await until(
      () => instanceState(running, instance),
      (current) => Boolean(current.account?.pushName),
    );
    expect(state.connection).toBe("open");
    expect(state.account?.jid).toMatch(new RegExp(`^${ACCOUNT}(:\\d+)?@s\\.whatsapp\\.net$`));
    expect(state.account?.pushName).toBe("Alice Phone");
    const afterScan = await gql(running.url, InstanceQrDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(afterScan.data?.instance).toMatchObject({ connection: "open", qrcode: null });
    stream.unsubscribe();
    await client.dispose();
  });

  it("stores inbound plaintext and Signal messages and publishes them", async () => {
    const contact = sim.contact(CONTACT, "Bob");
    const plainEvent = nextEvent(
      running,
      (event) => event.type === "messagesUpsert" && JSON.stringify(event.data).includes("hello in plaintext"),
    );
    await contact.sendText(ACCOUNT, "hello in plaintext");
    const { data } = await plainEvent;
    expect(JSON.stringify(data)).toContain("hello in plaintext");
    await contact.sendText(ACCOUNT, "hello over signal", { encrypt: true });
    await contact.sendText(ACCOUNT, "and again over signal", { encrypt: true });
    const stored = await until(
      () => messages(CONTACT_JID),
      (found) => (found.messages.edges.length ?? 0) >= 3,
    );
    expect(stored.messages.edges.map((edge) => edge.node.text)).toEqual([
      "hello in plaintext",
      "hello over signal",
      "and again over signal",
    ]);
    expect(stored.messages.edges[0].node).toMatchObject({
      fromMe: false,
      chatJid: CONTACT_JID,
      pushName: "Bob",
    });
    expect(stored.chats.edges.map((edge) => edge.node.jid)).toContain(CONTACT_JID);
  });

  it("sends a text the contact decrypts, then moves it to delivered and read on receipts", async () => {
    const contact = sim.contact(CONTACT, "Bob");
    const sentEvent = nextEvent(running, (event) => event.type === "sendMessage");
    const sent = await gql(
      running.url,
      SendTextDocument,
      { instanceId: instance.id, to: CONTACT, text: "hi Bob, from the gateway" },
      instance.token,
    );
    expect(sent.data?.sendText).toMatchObject({
      __typename: "Message",
      fromMe: true,
      chatJid: CONTACT_JID,
      source: "send",
    });
    if (sent.data?.sendText.__typename !== "Message") return;
    const keyId = sent.data.sendText.keyId;
    await sentEvent;
    const received = await contact.waitForText("hi Bob, from the gateway");
    expect(received.id).toBe(keyId);

    // The client holds its own append event about 100 ms; receipts come after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const statusOf = async () =>
      (await messages(CONTACT_JID)).messages.edges.find((edge) => edge.node.keyId === keyId)?.node.status;
    await sim.sendReceipt(ACCOUNT, keyId, CONTACT, "delivery");
    await until(statusOf, (status) => status === "DELIVERY_ACK");
    await sim.sendReceipt(ACCOUNT, keyId, CONTACT, "read");
    await until(statusOf, (status) => status === "READ");
  });

  it("rejects invalid recipients with a typed error", async () => {
    const result = await gql(
      running.url,
      SendTextDocument,
      { instanceId: instance.id, to: "not-a-number", text: "x" },
      instance.token,
    );
    expect(result.data?.sendText).toMatchObject({ __typename: "ValidationError" });
  });

  it("reopens after a restart of the gateway without a new QR", async () => {
    const databaseUrl = running.databaseUrl;
    await running.stop({ keepDatabase: true });
    const qrSeen: string[] = [];
    running = await startGateway(sim, {}, databaseUrl);
    running.app.services.bus.on((event) => {
      if (event.type === "qrcodeUpdate") qrSeen.push(event.instanceId);
    });
    const state = await until(
      () => instanceState(running, instance),
      (current) => current.connection === "open",
    );
    expect(state.account?.pushName).toBe("Alice Phone");
    expect(qrSeen).toEqual([]);
    // Stored messages survived, and new ones still arrive.
    await sim.contact(CONTACT, "Bob").sendText(ACCOUNT, "after the restart", { encrypt: true });
    await until(
      () => messages(CONTACT_JID),
      (found) => found.messages.edges.some((edge) => edge.node.text === "after the restart"),
    );
  });

  it("logs out through CodeChat's path, keeping the instance, and shows a QR when connected again", async () => {
    const answer = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/logout`, {
      headers: { authorization: `Bearer ${instance.token}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      instanceId: instance.uuid,
      connection: "close",
      WhatsApp: null,
      Webhook: [{ name: "main" }],
    });
    const prisma = running.app.services.prisma;
    expect(await prisma.authCreds.count({ where: { instanceId: instance.uuid } })).toBe(0);
    expect(await prisma.authKey.count({ where: { instanceId: instance.uuid } })).toBe(0);
    expect(await prisma.message.count({ where: { instanceId: instance.uuid } })).toBeGreaterThan(0);

    const again = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/logout`, {
      headers: { authorization: `Bearer ${instance.token}` },
    });
    expect(again.status).toBe(400);

    const qr = nextEvent(
      running,
      (event) => event.instanceId === instance.uuid && event.type === "qrcodeUpdate",
    );
    await gql(running.url, ConnectInstanceDocument, { id: instance.id }, instance.token);
    await qr;
  });

  it("deletes the instance with everything it stored", async () => {
    const deleted = nextEvent(running, (event) => event.type === "instanceDelete");
    const answer = await rest(running.url, "DELETE", `/instance/delete/${instance.name}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(answer.status).toBe(200);
    await deleted;
    expect(running.app.services.engine.session(instance.uuid)).toBeUndefined();
    const prisma = running.app.services.prisma;
    const where = { instanceId: instance.uuid };
    const counts = await Promise.all([
      prisma.instance.count({ where: { id: instance.uuid } }),
      prisma.message.count({ where }),
      prisma.chat.count({ where }),
      prisma.contact.count({ where }),
      prisma.authKey.count({ where }),
      prisma.authCreds.count({ where }),
      prisma.webhook.count({ where }),
      prisma.whatsApp.count({ where }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
