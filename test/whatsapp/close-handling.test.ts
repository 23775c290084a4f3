// The close-handling table, row by row, with the simulator ending streams the way
// WhatsApp does.
import { DisconnectReason } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import type { GatewayEvent } from "../../src/events/types.ts";
import { classifyClose } from "../../src/whatsapp/close-reasons.ts";
import {
  ConnectInstanceDocument,
  RequestPairingCodeDocument,
  RestartInstanceDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import {
  engineEnv,
  instanceState,
  linkInstance,
  nextEvent,
  startGateway,
  until,
  WhatsAppSimulator,
} from "../support/whatsapp.ts";

let sim: WhatsAppSimulator;
let running: RunningApp;
let phoneCounter = 0;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim, { WA_QR_TIMEOUT_MS: "300" });
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

async function linked(): Promise<{ instance: InstanceFixture; phone: string }> {
  phoneCounter += 1;
  const phone = `1555777${String(phoneCounter).padStart(4, "0")}`;
  const instance = await createInstance(running.url);
  await linkInstance(running, sim, instance, phone);
  await until(
    async () => sim.connectedAccounts(),
    (accounts) => accounts.includes(phone),
  );
  return { instance, phone };
}

const credsCount = (instance: InstanceFixture) =>
  running.app.services.prisma.authCreds.count({ where: { instanceId: instance.uuid } });

/** Waits a while and checks the connection stayed as it was (no reconnect loop). */
async function staysAt(instance: InstanceFixture, connection: string, phone: string) {
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect((await instanceState(running, instance)).connection).toBe(connection);
  expect(sim.connectedAccounts()).not.toContain(phone);
}

describe("close handling", () => {
  it("classifies every close code as the table says", () => {
    expect(classifyClose(DisconnectReason.restartRequired).action).toBe("reconnect-now");
    expect(classifyClose(DisconnectReason.connectionLost, "Connection was lost").action).toBe(
      "reconnect-backoff",
    );
    expect(classifyClose(DisconnectReason.connectionClosed).action).toBe("reconnect-backoff");
    expect(classifyClose(undefined).action).toBe("reconnect-backoff");
    expect(classifyClose(DisconnectReason.loggedOut).action).toBe("logged-out");
    expect(classifyClose(DisconnectReason.badSession).action).toBe("logged-out");
    expect(classifyClose(DisconnectReason.connectionReplaced).action).toBe("replaced");
    expect(classifyClose(DisconnectReason.timedOut, "QR refs attempts ended").action).toBe("refused");
    expect(classifyClose(400, "noise intermediate certificate signature invalid")).toMatchObject({
      action: "reconnect-backoff",
      why: "the server's certificate chain did not verify (400)",
    });
  });

  it("515 restart required: reconnects at once with the saved creds", async () => {
    const { instance, phone } = await linked();
    const reconnected = nextEvent(
      running,
      (event) =>
        event.instanceId === instance.uuid &&
        event.type === "connectionUpdate" &&
        (event.data as { state: string }).state === "open",
    );
    sim.disconnect(phone, "restartRequired");
    await reconnected;
    expect((await instanceState(running, instance)).connection).toBe("open");
    expect(await credsCount(instance)).toBe(1);
  });

  it("a dropped connection: reconnects with backoff, never reported open meanwhile", async () => {
    const { instance, phone } = await linked();
    const retry = nextEvent(
      running,
      (event) =>
        event.instanceId === instance.uuid &&
        event.type === "connectionUpdate" &&
        (event.data as { state: string }).state === "connecting",
    );
    sim.disconnect(phone, "drop");
    const { data } = await retry;
    expect(data).toMatchObject({ state: "connecting", attempt: 1, retryInMs: expect.any(Number) });
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "open",
    );
    expect(sim.connectedAccounts()).toContain(phone);
  });

  it("401 logged out: stops, clears the creds, connection close, no loop", async () => {
    const { instance, phone } = await linked();
    sim.disconnect(phone, "loggedOut");
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "close",
    );
    await until(
      () => credsCount(instance),
      (count) => count === 0,
    );
    await staysAt(instance, "close", phone);
    expect((await instanceState(running, instance)).account).toBeNull();
  });

  it("500 bad session: stops and clears the creds", async () => {
    const { instance, phone } = await linked();
    sim.disconnect(phone, "badSession");
    await until(
      () => credsCount(instance),
      (count) => count === 0,
    );
    await staysAt(instance, "close", phone);
  });

  it("440 replaced by another client: stops and reports, keeping the creds", async () => {
    const { instance, phone } = await linked();
    const reported = nextEvent(
      running,
      (event) =>
        event.instanceId === instance.uuid &&
        event.type === "connectionUpdate" &&
        (event.data as { state: string }).state === "close",
    );
    sim.disconnect(phone, "replaced");
    const { data } = await reported;
    expect(data).toMatchObject({ statusCode: DisconnectReason.connectionReplaced });
    await staysAt(instance, "close", phone);
    expect(await credsCount(instance)).toBe(1);
    // Connecting again takes the session back without a QR.
    await gql(running.url, ConnectInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "open",
    );
  });

  it("408 QR codes exhausted: stops and reports refused", async () => {
    const instance = await createInstance(running.url);
    const refused = nextEvent(
      running,
      (event) =>
        event.instanceId === instance.uuid &&
        event.type === "connectionUpdate" &&
        (event.data as { state: string }).state === "refused",
      30_000,
    );
    await gql(running.url, ConnectInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await refused;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await instanceState(running, instance)).connection).toBe("refused");
  });

  it("a server that never answers the handshake: the connect times out and is retried", async () => {
    // Accepts the WebSocket, then stays silent: only the session's own connect timer ends it.
    const silent = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((resolve) => silent.once("listening", resolve));
    const connections: unknown[] = [];
    silent.on("connection", (socket) => connections.push(socket));
    const { port } = silent.address() as { port: number };
    const stalled = await startApp(
      engineEnv(sim, { WA_WS_URL: `ws://127.0.0.1:${port}/ws/chat`, WA_CONNECT_TIMEOUT_MS: "1000" }),
    );
    try {
      const instance = await createInstance(stalled.url);
      const started = Date.now();
      const retry = nextEvent(
        stalled,
        (event) =>
          event.instanceId === instance.uuid &&
          event.type === "connectionUpdate" &&
          (event.data as { attempt?: number }).attempt === 1,
      );
      await gql(stalled.url, ConnectInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
      const { data } = await retry;
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(data).toMatchObject({
        state: "connecting",
        reason: expect.stringMatching(/408: Connection timed out/),
        retryInMs: expect.any(Number),
      });
      // The retry reaches the server again and times out again: never reported open.
      await until(
        async () => connections.length,
        (count) => count >= 2,
      );
      expect((await instanceState(stalled, instance)).connection).toBe("connecting");
    } finally {
      await stalled.stop();
      for (const client of silent.clients) client.terminate();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("answers a pairing code for headless linking, and refuses a bad phone number", async () => {
    const instance = await createInstance(running.url);
    const bad = await gql(
      running.url,
      RequestPairingCodeDocument,
      { id: instance.id, phoneNumber: "12" },
      instance.token,
    );
    expect(bad.data?.requestPairingCode.__typename).toBe("ValidationError");
    const good = await gql(
      running.url,
      RequestPairingCodeDocument,
      { id: instance.id, phoneNumber: "+1 555 222 3333" },
      instance.token,
    );
    expect(good.data?.requestPairingCode).toMatchObject({
      __typename: "PairingCode",
      pairingCode: expect.stringMatching(/^[A-Z0-9]{8}$/),
    });
  });

  it("a server whose certificate chain does not verify: refused and retried, never reported open", async () => {
    const REFUSED = "the server's certificate chain did not verify (400)";
    const { instance, phone } = await linked();
    // The link's own last events (the account's open) are committed before the restarts.
    await running.app.services.engine.session(instance.uuid)?.queue.idle();
    const events: GatewayEvent[] = [];
    const off = running.app.services.bus.on((event) => {
      if (event.instanceId === instance.uuid) events.push(event);
    });
    try {
      for (const chain of ["unknown-root", "tampered-intermediate", "tampered-leaf"] as const) {
        sim.certificateChain = chain;
        events.length = 0;
        const finishedHandshakes = sim.stats().handshakes;
        await gql(running.url, RestartInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
        const refusals = await until(
          async () => events.filter((event) => (event.data as { reason?: string }).reason === REFUSED),
          (found) => found.length >= 2,
          5000,
        );
        expect(refusals[0].data, chain).toMatchObject({ state: "connecting", retryInMs: expect.any(Number) });
        // The client gave up inside the handshake: it never sent its login to that server.
        expect(sim.stats().handshakes, chain).toBe(finishedHandshakes);
        const open = events.filter((event) => (event.data as { state?: string }).state === "open");
        expect(open, chain).toEqual([]);
        expect((await instanceState(running, instance)).connection, chain).toBe("connecting");
        expect(sim.connectedAccounts(), chain).not.toContain(phone);
      }
    } finally {
      off();
      sim.certificateChain = "valid";
    }
    // The same retries reach the server again once it shows a valid chain.
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "open",
    );
    expect(await credsCount(instance)).toBe(1);
  });

  it("deleting a linked instance: its close goes out first, then instanceDelete, then nothing", async () => {
    const { instance, phone } = await linked();
    const prisma = running.app.services.prisma;
    const seen: Promise<{ type: string; state?: string; rows: number }>[] = [];
    const off = running.app.services.bus.on((event) => {
      if (event.instanceId !== instance.uuid) return;
      // Read as the event goes out (a Prisma query starts on then).
      const rows = prisma.instance.count({ where: { id: instance.uuid } });
      const { state } = event.data as { state?: string };
      seen.push(rows.then((count) => ({ type: event.type, state, rows: count })));
    });
    const answer = await rest(running.url, "DELETE", `/instance/delete/${instance.name}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(answer.status).toBe(200);
    // Whatever the closed socket still reports comes within moments: nothing may follow.
    await new Promise((resolve) => setTimeout(resolve, 500));
    off();
    const events = await Promise.all(seen);
    // instanceDelete is committed before the rows go; a sink reading them afterwards may be
    // too late (PostgreSQL runs the delete on another connection), so only its place counts.
    expect(events.at(-1)?.type).toBe("instanceDelete");
    expect(events.slice(0, -1)).toEqual(
      expect.arrayContaining([
        { type: "connectionUpdate", state: "close", rows: 1 },
        { type: "stateInstance", state: "close", rows: 1 },
      ]),
    );
    expect(events.slice(0, -1).filter((event) => event.rows !== 1)).toEqual([]);
    expect(await prisma.instance.count({ where: { id: instance.uuid } })).toBe(0);
    // The socket is gone with it.
    expect(sim.connectedAccounts()).not.toContain(phone);
  });

  it("restartInstance closes and reopens the socket, keeping the device", async () => {
    const { instance, phone } = await linked();
    const restarted = await gql(running.url, RestartInstanceDocument, { id: instance.id }, instance.token);
    expect(restarted.data?.restartInstance.__typename).toBe("Instance");
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "open",
    );
    expect(sim.connectedAccounts()).toContain(phone);
  });
});
