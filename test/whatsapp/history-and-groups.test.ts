// The phone's history sync and group notifications, from the simulator through the real
// Baileys socket into the gateway's rows, GraphQL connections and event subscription.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChatMessagesDocument,
  InstanceChatsDocument,
  InstanceContactsDocument,
  InstanceEventsDocument,
  InstanceGroupsDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { collect, gql, wsClient } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import type { PhoneHistory, SimulatedGroup } from "../support/simulator/index.ts";
import { linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15557770001";
const BOB = "15557770002";
const CAROL = "15557770003";
const DAVE = "15557770004";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;
const NOW = Math.floor(Date.now() / 1000);
const minutesAgo = (minutes: number) => NOW - minutes * 60;

const HISTORY: PhoneHistory = {
  chats: [
    { jid: BOB, name: "Bob (work)", unreadCount: 1 },
    { jid: CAROL, archived: true },
  ],
  contacts: [
    { jid: BOB, name: "Bob Builder", notify: "Bobby" },
    { jid: CAROL, name: "Carol Saved", notify: "Caz" },
    { jid: DAVE, notify: "Dave D" },
  ],
  messages: [
    { chat: BOB, text: "are we still on for friday?", timestamp: minutesAgo(50) },
    { chat: BOB, text: "yes, 7pm", fromMe: true, status: "READ", timestamp: minutesAgo(45) },
    { chat: BOB, text: "great, see you", timestamp: minutesAgo(40) },
    { chat: CAROL, text: "the report", fromMe: true, status: "DELIVERY_ACK", timestamp: minutesAgo(30) },
  ],
};

type StreamEvent = { type: string; data: unknown };

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;
let client: ReturnType<typeof wsClient>;
let stream: ReturnType<typeof collect<unknown>>;
let earlyGroup: SimulatedGroup;
let team: SimulatedGroup;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  instance = await createInstance(running.url);
  // A group the account was in before this device was linked.
  earlyGroup = sim.createGroup({ subject: "Book club", creator: CAROL, participants: [ACCOUNT, BOB] });
  sim.phone(ACCOUNT, "Alice", { history: HISTORY });

  client = wsClient(running.wsUrl, instance.token);
  const listeners = running.app.services.bus.listenerCount();
  stream = collect(client, InstanceEventsDocument, {
    instanceId: instance.id,
    types: [
      "messagesSet",
      "chatsSet",
      "contactsSet",
      "groupsUpsert",
      "groupUpdate",
      "groupParticipantsUpdate",
    ],
  });
  await until(
    async () => running.app.services.bus.listenerCount(),
    (count) => count > listeners,
  );
  await linkInstance(running, sim, instance, ACCOUNT, "Alice");
});

afterAll(async () => {
  stream?.unsubscribe();
  await client?.dispose();
  await running?.stop();
  await sim?.stop();
});

/** Waits for an event of a type, with data that matches, on the subscription. */
async function published(type: string, match: (data: string) => boolean = () => true): Promise<StreamEvent> {
  const find = () =>
    stream.events
      .map((event) => (event.data as { instanceEvents?: StreamEvent } | null | undefined)?.instanceEvents)
      .find((event) => event?.type === type && match(JSON.stringify(event.data)));
  await stream.until(() => find() !== undefined, 10_000);
  return find() as StreamEvent;
}

async function instanceOf<T extends { instance: { __typename: string } }>(
  request: Promise<{ data?: T | null }>,
): Promise<Extract<T["instance"], { __typename: "Instance" }>> {
  const result = await request;
  const { data } = result;
  if (data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(result));
  return data.instance as Extract<T["instance"], { __typename: "Instance" }>;
}

const chats = () => instanceOf(gql(running.url, InstanceChatsDocument, { id: instance.id }, ACCOUNT_TOKEN));
const contacts = (search?: string) =>
  instanceOf(gql(running.url, InstanceContactsDocument, { id: instance.id, search }, ACCOUNT_TOKEN));
const messages = (chat?: string) =>
  instanceOf(gql(running.url, ChatMessagesDocument, { id: instance.id, chat }, ACCOUNT_TOKEN));
const groups = () => instanceOf(gql(running.url, InstanceGroupsDocument, { id: instance.id }, ACCOUNT_TOKEN));

async function storedGroup(groupJid: string, accept: (group: GroupRow) => boolean = () => true) {
  const found = await until(
    async () => (await groups()).groups.edges.map((edge) => edge.node).find((g) => g.jid === groupJid),
    (group) => group !== undefined && accept(group),
  );
  return found as GroupRow;
}
type GroupRow = Awaited<ReturnType<typeof groups>>["groups"]["edges"][number]["node"];
const members = (group: GroupRow) =>
  Object.fromEntries(group.participants.map((p) => [p.jid, p.admin ?? null]));

describe("history sync of a newly linked device", () => {
  it("stores the history's messages with who sent them, when, and their status", async () => {
    const bob = await until(
      () => messages(jid(BOB)),
      (found) => found.messages.totalCount >= 3,
    );
    // History arrives newest first; the connection lists it oldest first.
    const rows = bob.messages.edges.map((edge) => edge.node);
    expect(rows.map((row) => [row.text, row.fromMe, row.pushName, row.status, row.source])).toEqual([
      ["are we still on for friday?", false, "Bobby", null, "history"],
      ["yes, 7pm", true, "Alice", "READ", "history"],
      ["great, see you", false, "Bobby", null, "history"],
    ]);
    expect(Date.parse(rows[0].timestamp)).toBe(minutesAgo(50) * 1000);
    const carol = await messages(jid(CAROL));
    expect(carol.messages.edges.map((edge) => [edge.node.text, edge.node.fromMe, edge.node.status])).toEqual([
      ["the report", true, "DELIVERY_ACK"],
    ]);
  });

  it("stores the history's chats with their names and state", async () => {
    const found = await until(chats, (current) =>
      current.chats.edges.some((edge) => edge.node.jid === jid(CAROL) && edge.node.archived),
    );
    const byJid = new Map(found.chats.edges.map((edge) => [edge.node.jid, edge.node]));
    expect(byJid.get(jid(BOB))).toMatchObject({
      name: "Bob (work)",
      unreadCount: 1,
      archived: false,
      isGroup: false,
    });
    expect(byJid.get(jid(CAROL))).toMatchObject({ archived: true, isGroup: false });
    // The last activity is the newest message of the chat.
    expect(Date.parse(byJid.get(jid(BOB))?.lastMessageAt ?? "")).toBe(minutesAgo(40) * 1000);
  });

  it("stores the history's contacts with saved names, push names and LIDs, searchable", async () => {
    const found = await until(
      () => contacts(),
      (current) => current.contacts.edges.some((edge) => edge.node.jid === jid(DAVE)),
    );
    const byJid = new Map(found.contacts.edges.map((edge) => [edge.node.jid, edge.node]));
    expect(byJid.get(jid(BOB))).toMatchObject({ name: "Bob Builder", notify: "Bobby", lid: sim.lidOf(BOB) });
    expect(byJid.get(jid(CAROL))).toMatchObject({
      name: "Carol Saved",
      notify: "Caz",
      lid: sim.lidOf(CAROL),
    });
    expect(byJid.get(jid(DAVE))).toMatchObject({ name: null, notify: "Dave D" });
    const searched = await contacts("Builder");
    expect(searched.contacts.edges.map((edge) => edge.node.jid)).toEqual([jid(BOB)]);
  });

  it("publishes messagesSet, chatsSet and contactsSet with the history", async () => {
    const set = await published("messagesSet", (data) => data.includes("are we still on for friday?"));
    expect(JSON.stringify(set.data)).toContain("the report");
    const chatsSet = await published("chatsSet", (data) => data.includes(jid(BOB)));
    expect(JSON.stringify(chatsSet.data)).toContain("Bob (work)");
    await published("contactsSet", (data) => data.includes("Bob Builder"));
    await published("contactsSet", (data) => data.includes("Dave D"));
  });
});

describe("groups the account is in", () => {
  it("learns a group it joined before linking from the dirty bit (groupUpdate, Group row)", async () => {
    await published("groupUpdate", (data) => data.includes(earlyGroup.jid));
    const stored = await storedGroup(earlyGroup.jid);
    expect(stored).toMatchObject({ subject: "Book club", owner: jid(CAROL), size: 3 });
    expect(members(stored)).toEqual({ [jid(CAROL)]: "superadmin", [jid(ACCOUNT)]: null, [jid(BOB)]: null });
  });

  it("stores a group created with the account in it and publishes groupsUpsert", async () => {
    team = sim.createGroup({
      subject: "Release team",
      creator: BOB,
      participants: [ACCOUNT, CAROL],
      description: "Shipping on Fridays",
    });
    const upsert = await published("groupsUpsert", (data) => data.includes(team.jid));
    expect(JSON.stringify(upsert.data)).toContain("Release team");
    const stored = await storedGroup(team.jid);
    expect(stored).toMatchObject({
      subject: "Release team",
      owner: jid(BOB),
      description: "Shipping on Fridays",
      announce: false,
      restrict: false,
      size: 3,
    });
    expect(members(stored)).toEqual({ [jid(BOB)]: "superadmin", [jid(ACCOUNT)]: null, [jid(CAROL)]: null });
    // The group is a chat too, named after its subject.
    const found = await until(chats, (current) =>
      current.chats.edges.some((edge) => edge.node.jid === team.jid),
    );
    expect(found.chats.edges.find((edge) => edge.node.jid === team.jid)?.node).toMatchObject({
      name: "Release team",
      isGroup: true,
    });
  });

  it("publishes participant changes and keeps the stored members current", async () => {
    team.add(BOB, [DAVE]);
    const added = await published("groupParticipantsUpdate", (data) => data.includes('"action":"add"'));
    expect(added.data).toMatchObject({ id: team.jid, author: jid(BOB), participants: [{ id: jid(DAVE) }] });
    team.promote(BOB, [ACCOUNT]);
    await published("groupParticipantsUpdate", (data) => data.includes('"action":"promote"'));
    team.remove(BOB, [CAROL]);
    const removed = await published("groupParticipantsUpdate", (data) => data.includes('"action":"remove"'));
    expect(removed.data).toMatchObject({ id: team.jid, participants: [{ id: jid(CAROL) }] });

    const stored = await storedGroup(
      team.jid,
      (group) => group.participants.length === 3 && group.size === 3,
    );
    expect(members(stored)).toEqual({ [jid(BOB)]: "superadmin", [jid(ACCOUNT)]: "admin", [jid(DAVE)]: null });
  });

  it("publishes subject and settings changes as groupUpdate and stores them", async () => {
    team.setSubject(BOB, "Release crew");
    const update = await published("groupUpdate", (data) => data.includes("Release crew"));
    expect(update.data).toMatchObject([{ id: team.jid, subject: "Release crew", author: jid(BOB) }]);
    team.setAnnounce(BOB, true);
    await published("groupUpdate", (data) => data.includes('"announce":true'));
    const stored = await storedGroup(team.jid, (group) => group.announce === true);
    expect(stored.subject).toBe("Release crew");
  });

  it("stores a member's sender-key group message in the group chat", async () => {
    const plain = await team.sendText(DAVE, "hello group", { waitForAckMs: 5000 });
    const first = await team.sendText(BOB, "encrypted hello", { encrypt: true, waitForAckMs: 5000 });
    const second = await team.sendText(BOB, "encrypted again", { encrypt: true, waitForAckMs: 5000 });
    const found = await until(
      () => messages(team.jid),
      (current) => current.messages.edges.filter((edge) => edge.node.text).length >= 3,
    );
    const texts = found.messages.edges.map((edge) => edge.node).filter((node) => node.text);
    expect(texts.map((node) => [node.keyId, node.text, node.participant, node.fromMe])).toEqual([
      [plain, "hello group", jid(DAVE), false],
      [first, "encrypted hello", jid(BOB), false],
      [second, "encrypted again", jid(BOB), false],
    ]);
  });
});

describe("groups the account changes itself", () => {
  it("answers the account's groupCreate, participant, subject and leave iqs", async () => {
    // The gateway has no group mutations yet: drive its Baileys socket directly.
    const sock = running.app.services.engine.session(instance.uuid)?.sock;
    if (!sock) throw new Error("no socket");
    const created = await sock.groupCreate("Own group", [jid(BOB)]);
    expect(sim.group(created.id)?.participants()).toEqual([
      { jid: jid(ACCOUNT), phone: ACCOUNT, admin: "superadmin" },
      { jid: jid(BOB), phone: BOB, admin: null },
    ]);
    await storedGroup(created.id, (group) => group.subject === "Own group");
    const added = await sock.groupParticipantsUpdate(created.id, [jid(CAROL), jid(BOB)], "add");
    expect(added.map((result) => result.status)).toEqual(["200", "409"]);
    await storedGroup(created.id, (group) => group.participants.length === 3);
    await sock.groupUpdateSubject(created.id, "Own group, renamed");
    await storedGroup(created.id, (group) => group.subject === "Own group, renamed");
    await sock.groupLeave(created.id);
    expect(sim.group(created.id)?.has(ACCOUNT)).toBe(false);
    await expect(sock.groupMetadata(created.id)).rejects.toThrow("forbidden");
  });

  it("stores a LID-addressed group and its sender-key messages by LID", async () => {
    const lidGroup = sim.createGroup({
      subject: "LID group",
      creator: CAROL,
      participants: [ACCOUNT],
      addressing: "lid",
    });
    const stored = await storedGroup(lidGroup.jid);
    expect(members(stored)).toEqual({ [sim.lidOf(CAROL)]: "superadmin", [sim.lidOf(ACCOUNT)]: null });
    const id = await lidGroup.sendText(CAROL, "by lid", { encrypt: true, waitForAckMs: 5000 });
    const found = await until(
      () => messages(lidGroup.jid),
      (current) => current.messages.edges.some((edge) => edge.node.keyId === id),
    );
    expect(found.messages.edges.find((edge) => edge.node.keyId === id)?.node).toMatchObject({
      text: "by lid",
      participant: sim.lidOf(CAROL),
    });
  });
});
