// Typed event payloads over graphql-ws, for events of a real session: the link, an inbound
// message, and the data of each kind as the generated client types it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RotateInstanceTokenDocument,
  TypedInstanceEventsDocument,
  type TypedInstanceEventsSubscription,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { collect, gql, wsClient } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { linkInstance, quietListenerCount, startGateway, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15554470001";
const CONTACT = "15554470002";

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  instance = await createInstance(running.url);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

type Received = ReturnType<typeof collect<TypedInstanceEventsSubscription>>;
const payloads = (stream: Received, typename: string) =>
  stream.events
    .map((event) => event.data?.instanceEvents)
    .filter((event) => event?.payload.__typename === typename);

describe("typed event payloads", () => {
  it("types the QR code and the connection updates of linking a device", async () => {
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const listeners = await quietListenerCount(running);
    const stream = collect(client, TypedInstanceEventsDocument, {
      instanceId: instance.id,
      types: ["qrcodeUpdate", "connectionUpdate", "stateInstance"],
    });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    await linkInstance(running, sim, instance, ACCOUNT, "Typed Phone");
    await stream.until(() =>
      payloads(stream, "ConnectionEventPayload").some(
        (event) =>
          event?.payload.__typename === "ConnectionEventPayload" && event.payload.pushName === "Typed Phone",
      ),
    );
    const [qr] = payloads(stream, "QrCodeEventPayload");
    expect(qr?.payload).toMatchObject({
      __typename: "QrCodeEventPayload",
      count: 1,
      qr: expect.stringMatching(/,/),
    });
    const states = payloads(stream, "ConnectionEventPayload").map((event) => event?.payload);
    expect(states).toContainEqual({
      __typename: "ConnectionEventPayload",
      state: "open",
      jid: expect.stringContaining(ACCOUNT),
      pushName: "Typed Phone",
    });
    const stateInstance = stream.events
      .filter((event) => event.data?.instanceEvents.type === "stateInstance")
      .map((event) => event.data?.instanceEvents.payload);
    expect(stateInstance).toContainEqual(
      expect.objectContaining({ __typename: "ConnectionEventPayload", state: "open" }),
    );
    await client.dispose();
  });

  it("types an inbound message, its chat and its sender from the event's own data", async () => {
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const listeners = await quietListenerCount(running);
    const stream = collect(client, TypedInstanceEventsDocument, {
      instanceId: instance.id,
      types: ["messagesUpsert", "chatsUpdate", "chatsUpsert", "contactsUpdate", "contactsUpsert"],
    });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    const sentAt = Math.floor(Date.now() / 1000);
    const id = await sim.contact(CONTACT, "Dora").sendText(ACCOUNT, "typed hello", { waitForAckMs: 5000 });
    await stream.until(() => payloads(stream, "MessagesEventPayload").length > 0, 15_000);
    const [upsert] = payloads(stream, "MessagesEventPayload");
    if (upsert?.payload.__typename !== "MessagesEventPayload") throw new Error("not a message payload");
    expect(upsert.payload.upsertType).toBe("notify");
    expect(upsert.payload.messages).toEqual([
      {
        key: { chatJid: `${CONTACT}@s.whatsapp.net`, keyId: id, fromMe: false },
        pushName: "Dora",
        type: "conversation",
        text: "typed hello",
        timestamp: expect.any(String),
      },
    ]);
    const at = new Date(upsert.payload.messages[0].timestamp as string).getTime() / 1000;
    expect(Math.abs(at - sentAt)).toBeLessThan(60);
    // The chat the message lands in comes typed too.
    await stream.until(() => payloads(stream, "ChatsEventPayload").length > 0);
    const chats = payloads(stream, "ChatsEventPayload").flatMap((event) =>
      event?.payload.__typename === "ChatsEventPayload" ? event.payload.chats : [],
    );
    expect(chats.map((chat) => chat.jid)).toContain(`${CONTACT}@s.whatsapp.net`);
    await client.dispose();
  });

  it("types newJwt for the account token", async () => {
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const other = await createInstance(running.url);
    const listeners = await quietListenerCount(running);
    const stream = collect(client, TypedInstanceEventsDocument, { instanceId: other.id, types: ["newJwt"] });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: other.id }, ACCOUNT_TOKEN);
    const token =
      rotated.data?.rotateInstanceToken.__typename === "InstanceWithToken" &&
      rotated.data.rotateInstanceToken.token;
    await stream.until(() => stream.events.length === 1);
    expect(stream.events[0].data?.instanceEvents.payload).toEqual({
      __typename: "NewJwtEventPayload",
      jwt: token,
    });
    await client.dispose();
  });
});
