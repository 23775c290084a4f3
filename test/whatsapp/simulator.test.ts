import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DisconnectReason, jidNormalizedUser, proto } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BaileysHandle, connectBaileys } from "../support/simulator/baileys-client.ts";
import { WhatsAppSimulator } from "../support/simulator/index.ts";

const ACCOUNT = "15550001111";
const CONTACT = "15550002222";
const ACCOUNT_JID = `${ACCOUNT}@s.whatsapp.net`;
const CONTACT_JID = `${CONTACT}@s.whatsapp.net`;

let sim: WhatsAppSimulator;
let authDir: string;
const dirs: string[] = [];
const handles: BaileysHandle[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wa-sim-auth-"));
  dirs.push(dir);
  return dir;
}

async function connect(
  dir: string,
  config?: Parameters<typeof connectBaileys>[0]["config"],
): Promise<BaileysHandle> {
  const handle = await connectBaileys({ url: sim.url, authDir: dir, config });
  handles.push(handle);
  return handle;
}

/** Logs the account in with saved creds and waits for `open` and the initial flush. */
async function login(): Promise<BaileysHandle> {
  const client = await connect(authDir);
  await client.waitFor("connection.update", (u) => u.connection === "open");
  await client.waitFor("connection.update", (u) => u.receivedPendingNotifications === true);
  return client;
}

function upsertWith(id: string) {
  return (u: { messages: proto.IWebMessageInfo[] }) => u.messages.some((m) => m.key?.id === id);
}

beforeAll(async () => {
  // libsignal prints every session it opens or closes with console.info.
  vi.spyOn(console, "info").mockImplementation(() => {});
  sim = await WhatsAppSimulator.start();
  authDir = await freshDir();
});

afterAll(async () => {
  for (const h of handles) h.end();
  await sim.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  vi.restoreAllMocks();
});

describe("WhatsApp simulator with real Baileys", { timeout: 20_000 }, () => {
  let client: BaileysHandle;
  let sentId: string;

  it("pairs by QR, restarts on 515 and opens with the phone's jid and push name", async () => {
    const started = Date.now();
    const pairing = await connect(authDir);
    const { qr } = await pairing.waitFor("connection.update", (u) => !!u.qr);
    expect(qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);

    const phone = sim.phone(ACCOUNT, "Alice");
    await phone.scan(qr as string);
    await pairing.waitFor("connection.update", (u) => u.isNewLogin === true);
    expect((await pairing.closed).statusCode).toBe(DisconnectReason.restartRequired);
    await pairing.flushCreds();

    client = await login();
    // sock.user is a snapshot taken when the socket was made; creds.me is live.
    const me = () => client.sock.authState.creds.me;
    expect(jidNormalizedUser(me()?.id)).toBe(ACCOUNT_JID);
    expect(me()?.lid).toMatch(new RegExp(`^${sim.lidOf(ACCOUNT).replace("@lid", "")}:\\d+@lid$`));
    // The push name arrives with the phone's first (history sync) message.
    await client.waitFor("creds.update", (c) => c.me?.name === "Alice");
    expect(me()?.name).toBe("Alice");
    await client.waitFor("messaging-history.set");
    expect(sim.connectedAccounts()).toEqual([ACCOUNT]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("delivers an inbound plaintext message as messages.upsert notify", async () => {
    const contact = sim.contact(CONTACT, "Bob");
    const id = await contact.sendText(ACCOUNT, "hello plaintext");
    const upsert = await client.waitFor("messages.upsert", upsertWith(id));
    const msg = upsert.messages.find((m) => m.key?.id === id);
    expect(upsert.type).toBe("notify");
    expect(msg?.key?.remoteJid).toBe(CONTACT_JID);
    expect(msg?.key?.fromMe).toBe(false);
    expect(msg?.pushName).toBe("Bob");
    expect(msg?.message?.conversation).toBe("hello plaintext");
  });

  it("decrypts an inbound Signal pkmsg", async () => {
    const contact = sim.contact(CONTACT);
    const sent = await contact.send(ACCOUNT, { conversation: "hello signal" }, { encrypt: true });
    expect(sent.types).toEqual(["pkmsg"]);
    const upsert = await client.waitFor("messages.upsert", upsertWith(sent.id));
    expect(upsert.messages[0]?.message?.conversation).toBe("hello signal");
  });

  it("sends to the contact, who decrypts the same text", async () => {
    const contact = sim.contact(CONTACT);
    const sent = await client.sock.sendMessage(CONTACT_JID, { text: "reply from gateway" });
    sentId = sent?.key.id as string;
    const got = await contact.waitForText("reply from gateway");
    expect(got.id).toBe(sentId);
  });

  it("turns server receipts into messages.update status 3 then 4", async () => {
    // A receipt inside the ~100 ms append window would be folded into that event.
    await client.waitFor("messages.upsert", (u) => u.type === "append" && upsertWith(sentId)(u));
    await sim.sendReceipt(ACCOUNT, sentId, CONTACT, "delivery");
    const statusOf =
      (status: number) => (updates: { key: proto.IMessageKey; update: { status?: number | null } }[]) =>
        updates.some((u) => u.key.id === sentId && u.update.status === status);
    await client.waitFor("messages.update", statusOf(proto.WebMessageInfo.Status.DELIVERY_ACK));
    await sim.sendReceipt(ACCOUNT, sentId, CONTACT, "read");
    await client.waitFor("messages.update", statusOf(proto.WebMessageInfo.Status.READ));
  });

  it("continues the Signal session with msg once the account answered", async () => {
    const contact = sim.contact(CONTACT);
    const sent = await contact.send(ACCOUNT, { conversation: "second signal" }, { encrypt: true });
    expect(sent.types).toEqual(["msg"]);
    const upsert = await client.waitFor("messages.upsert", upsertWith(sent.id));
    expect(upsert.messages[0]?.message?.conversation).toBe("second signal");
  });

  it("delivers presence and call offers", async () => {
    await sim.sendPresence(ACCOUNT, CONTACT, "composing");
    const presence = await client.waitFor("presence.update", (p) => p.id === CONTACT_JID);
    expect(presence.presences[CONTACT_JID]?.lastKnownPresence).toBe("composing");
    const callId = await sim.sendCallOffer(ACCOUNT, CONTACT);
    const [call] = await client.waitFor("call", (calls) => calls.some((c) => c.id === callId));
    expect(call?.status).toBe("offer");
    expect(call?.from).toBe(CONTACT_JID);
  });

  it("closes with connectionReplaced on conflict and logs in again", async () => {
    sim.disconnect(ACCOUNT, "replaced");
    expect((await client.closed).statusCode).toBe(DisconnectReason.connectionReplaced);
    client = await login();
  });

  it("closes with restartRequired (515) and badSession (500) and logs in again", async () => {
    sim.disconnect(ACCOUNT, "restartRequired");
    expect((await client.closed).statusCode).toBe(DisconnectReason.restartRequired);
    client = await login();
    sim.disconnect(ACCOUNT, "badSession");
    expect((await client.closed).statusCode).toBe(DisconnectReason.badSession);
    client = await login();
  });

  it("accepts LID-addressed messages (remoteJid is the LID, remoteJidAlt the phone number)", async () => {
    const sent = await sim
      .contact(CONTACT)
      .send(ACCOUNT, { conversation: "from my lid" }, { encrypt: true, addressing: "lid" });
    const upsert = await client.waitFor("messages.upsert", upsertWith(sent.id));
    const key = upsert.messages[0]?.key;
    expect(key?.remoteJid).toBe(sim.lidOf(CONTACT));
    expect(key?.remoteJidAlt).toBe(CONTACT_JID);
    expect(upsert.messages[0]?.message?.conversation).toBe("from my lid");
  });

  it("queues messages while the account is offline and delivers them as append", async () => {
    sim.disconnect(ACCOUNT, "drop");
    expect((await client.closed).statusCode).toBe(DisconnectReason.connectionClosed);
    const id = await sim.contact(CONTACT).sendText(ACCOUNT, "while you were away", { encrypt: true });
    client = await login();
    const upsert = await client.waitFor("messages.upsert", upsertWith(id));
    expect(upsert.type).toBe("append");
    expect(upsert.messages[0]?.message?.conversation).toBe("while you were away");
  });

  it("closes with loggedOut when the device is removed, and stays logged out", async () => {
    sim.disconnect(ACCOUNT, "loggedOut");
    expect((await client.closed).statusCode).toBe(DisconnectReason.loggedOut);
    const again = await connect(authDir);
    expect((await again.closed).statusCode).toBe(DisconnectReason.loggedOut);
    expect(sim.connectedAccounts()).toEqual([]);
  });

  it("closes with 408 once the QR refs run out", async () => {
    sim.qrRefs = 2;
    const client = await connect(await freshDir(), { qrTimeout: 150 });
    const closed = await client.closed;
    expect(closed.statusCode).toBe(DisconnectReason.timedOut);
    expect(
      client.history.filter((h) => h.event === "connection.update" && (h.data as { qr?: string }).qr),
    ).toHaveLength(2);
    sim.qrRefs = 6;
  });
});
