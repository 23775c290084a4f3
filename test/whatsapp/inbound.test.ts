// Inbound messages under duplicates and bursts, and the other kinds a contact can send.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InstanceChatsDocument,
  MarkMessagesReadDocument,
  MessagesDocument,
  SendContactDocument,
  SendLocationDocument,
  SendPollDocument,
  SendPresenceDocument,
  SendReactionDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { linkInstance, nextEvent, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15554440001";
const CONTACTS = ["15554440002", "15554440003"];
const jid = (phone: string) => `${phone}@s.whatsapp.net`;

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  instance = await createInstance(running.url);
  await linkInstance(running, sim, instance, ACCOUNT);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

const countIn = (chatJid: string) =>
  running.app.services.prisma.message.count({ where: { instanceId: instance.uuid, chatJid } });

async function unreadCountOf(chatJid: string): Promise<number | undefined> {
  const result = await gql(running.url, InstanceChatsDocument, { id: instance.id }, ACCOUNT_TOKEN);
  if (result.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(result));
  return result.data.instance.chats.edges.find((edge) => edge.node.jid === chatJid)?.node.unreadCount;
}

describe("inbound messages", () => {
  it("stores the same message reported twice as one row", async () => {
    const contact = sim.contact(CONTACTS[0], "Carol");
    const id = "3EB0DUPLICATE00000001";
    await contact.sendText(ACCOUNT, "only once", { id, encrypt: true, waitForAckMs: 5000 });
    await contact.sendText(ACCOUNT, "only once", { id, encrypt: true, waitForAckMs: 5000 });
    await contact.sendText(ACCOUNT, "a later one", { waitForAckMs: 5000 });
    await until(
      () => countIn(jid(CONTACTS[0])),
      (count) => count >= 2,
    );
    await running.app.services.engine.session(instance.uuid)?.queue.idle();
    const rows = await running.app.services.prisma.message.findMany({
      where: { instanceId: instance.uuid, keyId: id },
    });
    expect(rows).toHaveLength(1);
  });

  /** Two contacts send `perChat` messages each at once (one in plaintext, one with Signal). */
  async function burstArrivesInOrder(perChat: number, tag: string) {
    const [first, second] = CONTACTS.map((phone, index) => sim.contact(phone, `Sender ${index}`));
    const before = await Promise.all(CONTACTS.map((phone) => countIn(jid(phone))));
    const prefixes = [`${tag}-a-`, `${tag}-b-`];
    const published: string[] = [];
    const pattern = new RegExp(`${tag}-[ab]-\\d+`);
    const off = running.app.services.bus.on((event) => {
      if (event.type === "messagesUpsert" && event.instanceId === instance.uuid) {
        const text = JSON.stringify(event.data).match(pattern)?.[0];
        if (text) published.push(text);
      }
    });
    const [a, b] = await Promise.all([
      first.sendBurst(ACCOUNT, perChat, { text: (i) => `${prefixes[0]}${i}` }),
      second.sendBurst(ACCOUNT, perChat, { text: (i) => `${prefixes[1]}${i}`, encrypt: true }),
    ]);
    expect(a.acked + b.acked).toBe(2 * perChat);
    await until(
      () => Promise.all(CONTACTS.map((phone) => countIn(jid(phone)))),
      (counts) => counts[0] - before[0] >= perChat && counts[1] - before[1] >= perChat,
      60_000,
    );
    // Rows are written before their events go out.
    await running.app.services.engine.session(instance.uuid)?.queue.idle();
    off();
    for (const [index, phone] of CONTACTS.entries()) {
      const rows = await running.app.services.prisma.message.findMany({
        where: { instanceId: instance.uuid, chatJid: jid(phone), text: { startsWith: prefixes[index] } },
        orderBy: { id: "asc" },
        select: { text: true },
      });
      const expected = Array.from({ length: perChat }, (_, i) => `${prefixes[index]}${i}`);
      expect(rows.map((row) => row.text)).toEqual(expected);
      // Events left in the same order.
      expect(published.filter((text) => text.startsWith(prefixes[index]))).toEqual(expected);
    }
    // The second chat holds only these bursts, none of them read.
    expect(await unreadCountOf(jid(CONTACTS[1]))).toBe(await countIn(jid(CONTACTS[1])));
  }

  it("takes a burst of 1,000 messages from two chats complete and in order per chat", async () => {
    await burstArrivesInOrder(500, "burst");
  }, 60_000);

  it("counts a chat's unread messages, and follows the phone reading it or marking it unread", async () => {
    const phone = "15554440004";
    const contact = sim.contact(phone, "Dave");
    const phoneOfAccount = sim.phone(ACCOUNT);
    const unread = () => unreadCountOf(jid(phone));
    // Two at once (counted together), then one at a time (each added to the stored count).
    await Promise.all([0, 1].map((i) => contact.sendText(ACCOUNT, `unread ${i}`, { encrypt: i === 0 })));
    for (let i = 2; i < 5; i++) {
      await until(
        () => countIn(jid(phone)),
        (count) => count === i,
      );
      await contact.sendText(ACCOUNT, `unread ${i}`, { encrypt: i % 2 === 0 });
    }
    await until(unread, (count) => count === 5);
    await phoneOfAccount.markChatRead(phone);
    await until(unread, (count) => count === 0);
    await contact.sendText(ACCOUNT, "after reading", { encrypt: true });
    await until(unread, (count) => count === 1);
    // Marked unread on the phone: WhatsApp's -1, from which new messages count again.
    await phoneOfAccount.markChatRead(phone, false);
    await until(unread, (count) => count === -1);
    await contact.sendText(ACCOUNT, "after marking unread");
    await until(unread, (count) => count === 1);
    expect(await countIn(jid(phone))).toBe(7);
  });

  it("pages through a chat's messages", async () => {
    const chat = jid(CONTACTS[1]);
    const firstPage = await gql(
      running.url,
      MessagesDocument,
      { id: instance.id, chat, first: 100 },
      ACCOUNT_TOKEN,
    );
    if (firstPage.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(firstPage));
    const { messages } = firstPage.data.instance;
    expect(messages.totalCount).toBe(500);
    expect(messages.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      running.url,
      MessagesDocument,
      { id: instance.id, chat, first: 100, after: messages.pageInfo.endCursor },
      ACCOUNT_TOKEN,
    );
    if (next.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(next));
    expect(next.data.instance.messages.edges[0].node.text).toBe("burst-b-100");
  });

  it("keeps each chat's order when a burst fills the queue and pauses the socket", async () => {
    // Last, since it adds 2,000 messages to each chat. 4,000 messages are 12,000 jobs, past the
    // queue's 5,000-job mark.
    await burstArrivesInOrder(2000, "flood");
  }, 120_000);
});

describe("sending other kinds", () => {
  it("sends location, contact card, poll and reaction that the contact decrypts, with typed fields", async () => {
    const contact = sim.contact(CONTACTS[0], "Carol");
    const to = CONTACTS[0];
    const location = await gql(
      running.url,
      SendLocationDocument,
      { instanceId: instance.id, to, latitude: 48.8584, longitude: 2.2945, name: "Tour Eiffel" },
      instance.token,
    );
    expect(location.data?.sendLocation).toMatchObject({
      __typename: "Message",
      type: "locationMessage",
      location: { latitude: 48.8584, longitude: 2.2945, name: "Tour Eiffel" },
    });
    const card = await gql(
      running.url,
      SendContactDocument,
      { instanceId: instance.id, to, fullName: "Dan Example", phoneNumber: "+1 555 000 9999" },
      instance.token,
    );
    expect(card.data?.sendContact).toMatchObject({
      __typename: "Message",
      contact: { displayName: "Dan Example" },
    });
    const poll = await gql(
      running.url,
      SendPollDocument,
      { instanceId: instance.id, to, name: "Lunch?", options: ["Pizza", "Salad"] },
      instance.token,
    );
    expect(poll.data?.sendPoll).toMatchObject({
      __typename: "Message",
      poll: { name: "Lunch?", options: ["Pizza", "Salad"] },
    });

    const inboundId = await contact.sendText(ACCOUNT, "react to me", { waitForAckMs: 5000 });
    await until(
      () =>
        running.app.services.prisma.message.count({ where: { instanceId: instance.uuid, keyId: inboundId } }),
      (count) => count === 1,
    );
    const reaction = await gql(
      running.url,
      SendReactionDocument,
      { instanceId: instance.id, key: { chatJid: jid(to), keyId: inboundId, fromMe: false }, emoji: "👍" },
      instance.token,
    );
    expect(reaction.data?.sendReaction).toMatchObject({
      __typename: "Message",
      reaction: { emoji: "👍", targetKeyId: inboundId },
    });
    await until(
      async () => contact.received.length,
      () => contact.received.some((message) => message.message.reactionMessage?.text === "👍"),
    );
    expect(contact.received.some((message) => message.message.locationMessage?.name === "Tour Eiffel")).toBe(
      true,
    );
    expect(
      contact.received.some((message) => message.message.contactMessage?.displayName === "Dan Example"),
    ).toBe(true);

    const read = await gql(
      running.url,
      MarkMessagesReadDocument,
      { instanceId: instance.id, keys: [{ chatJid: jid(to), keyId: inboundId }] },
      instance.token,
    );
    expect(read.data?.markMessagesRead).toMatchObject({ data: 1 });
    await contact.waitForReceipt(inboundId, "read");
    const typing = await gql(
      running.url,
      SendPresenceDocument,
      { instanceId: instance.id, to, presence: "composing" },
      instance.token,
    );
    expect(typing.data?.sendPresence.__typename).toBe("MutationSendPresenceSuccess");
  });

  it("quotes a stored message and refuses unknown quotes and disconnected instances", async () => {
    const contact = sim.contact(CONTACTS[1], "Sender 1");
    const quotedId = await contact.sendText(ACCOUNT, "quote me", { waitForAckMs: 5000 });
    await until(
      () =>
        running.app.services.prisma.message.count({ where: { instanceId: instance.uuid, keyId: quotedId } }),
      (count) => count === 1,
    );
    const reply = await gql(
      running.url,
      SendTextDocument,
      { instanceId: instance.id, to: CONTACTS[1], text: "quoting you", quotedKeyId: quotedId },
      instance.token,
    );
    expect(reply.data?.sendText.__typename).toBe("Message");
    const received = await contact.waitForText("quoting you");
    expect(
      contact.received.find((message) => message.id === received.id)?.message.extendedTextMessage?.contextInfo
        ?.stanzaId,
    ).toBe(quotedId);
    const unknownQuote = await gql(
      running.url,
      SendTextDocument,
      { instanceId: instance.id, to: CONTACTS[1], text: "x", quotedKeyId: "NOPE" },
      instance.token,
    );
    expect(unknownQuote.data?.sendText.__typename).toBe("NotFoundError");

    const idle = await createInstance(running.url);
    const offline = await gql(
      running.url,
      SendTextDocument,
      { instanceId: idle.id, to: CONTACTS[1], text: "x" },
      idle.token,
    );
    expect(offline.data?.sendText.__typename).toBe("NotConnectedError");
  });

  it("publishes presence and call events from contacts", async () => {
    const presence = nextEvent(
      running,
      (event) => event.type === "presenceUpdate" && event.instanceId === instance.uuid,
    );
    await sim.sendPresence(ACCOUNT, CONTACTS[0], "composing");
    expect(JSON.stringify((await presence).data)).toContain("composing");
    const call = nextEvent(
      running,
      (event) => event.type === "callUpsert" && event.instanceId === instance.uuid,
    );
    await sim.sendCallOffer(ACCOUNT, CONTACTS[0]);
    expect(JSON.stringify((await call).data)).toContain("offer");
  });
});
