// RyzeAPI's WebSocket event streams: GET /ws/:instance and the account-wide GET /ws. Refusals
// come before the upgrade; frames carry RyzeAPI's envelope, filtered by the instance's config.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  DeleteInstanceDocument,
  RotateInstanceTokenDocument,
  SendMediaDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { linkInstance, startGateway, WhatsAppSimulator } from "../support/whatsapp.ts";
import { openStream, publishMany, refusedUpgrade } from "../support/ws-streams.ts";

const ACCOUNT = "15557770001";
const CONTACT = "15557770002";

let sim: WhatsAppSimulator;
let running: RunningApp;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim, { PUBLIC_URL: "https://gateway.example.com" });
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

/** RyzeAPI's Set Websocket, with the instance's own token (limited per token). */
async function setWebsocket(
  instance: InstanceFixture,
  body: { enabled: boolean; events?: string[]; mediaBase64?: boolean },
) {
  const answer = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
    body,
    headers: { token: instance.token },
  });
  expect(answer.status).toBe(200);
}

async function enabledInstance(events?: string[]) {
  const instance = await createInstance(running.url);
  await setWebsocket(instance, { enabled: true, events });
  return instance;
}

const hub = () => running.app.http.hub;
const invalidToken = { success: false, error: { message: "Invalid token" } };

describe("upgrade refusals", () => {
  it("answers before the upgrade, in RyzeAPI's error shape, and opens no WebSocket", async () => {
    const instance = await enabledInstance();
    const other = await createInstance(running.url);
    const unconfigured = await createInstance(running.url);
    const disabled = await createInstance(running.url);
    await setWebsocket(disabled, { enabled: false });
    const path = `/ws/${instance.name}`;

    expect(await refusedUpgrade(running, path)).toEqual({ status: 401, body: invalidToken });
    expect(await refusedUpgrade(running, path, { token: "not-a-token-0123456789" })).toEqual({
      status: 401,
      body: invalidToken,
    });
    expect(await refusedUpgrade(running, path, { token: "not-a-token-0123456789", query: true })).toEqual({
      status: 401,
      body: invalidToken,
    });
    // Another instance's token: as the RyzeAPI shim answers it on REST paths.
    expect(await refusedUpgrade(running, path, { token: other.token })).toEqual({
      status: 401,
      body: invalidToken,
    });
    expect(await refusedUpgrade(running, "/ws/nobody-here", { token: ACCOUNT_TOKEN })).toEqual({
      status: 404,
      body: { success: false, error: { message: "Instance not found" } },
    });
    // An instance token learns nothing about other names, existing or not.
    expect(await refusedUpgrade(running, "/ws/nobody-here", { token: other.token })).toEqual({
      status: 401,
      body: invalidToken,
    });
    // Unknown callers are refused before anything about the instance is read.
    expect(await refusedUpgrade(running, "/ws/nobody-here")).toEqual({ status: 401, body: invalidToken });
    expect(await refusedUpgrade(running, `/ws/${unconfigured.name}`, { token: unconfigured.token })).toEqual({
      status: 400,
      body: { success: false, error: { message: "WebSocket not configured for this instance" } },
    });
    expect(await refusedUpgrade(running, `/ws/${disabled.name}`, { token: ACCOUNT_TOKEN })).toEqual({
      status: 400,
      body: { success: false, error: { message: "WebSocket disabled for this instance" } },
    });
    expect(hub().clientCount()).toBe(0);
  });

  it("takes the token from the token header or the token query parameter", async () => {
    const instance = await enabledInstance();
    const byHeader = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const byQuery = await openStream(running, `/ws/${instance.name}`, { token: instance.token, query: true });
    const byAccount = await openStream(running, `/ws/${instance.name}`, { token: ACCOUNT_TOKEN });
    expect(hub().clientCount(instance.uuid)).toBe(3);
    for (const stream of [byHeader, byQuery, byAccount]) stream.ws.close();
    await vi.waitFor(() => expect(hub().clientCount(instance.uuid)).toBe(0));
  });
});

describe("frames", () => {
  it("inlines a message's decrypted file with mediaBase64, keeping the instance's frames in order", async () => {
    const instance = await createInstance(running.url);
    await linkInstance(running, sim, instance, "15557770003");
    await setWebsocket(instance, { enabled: true, events: ["message.exchange"], mediaBase64: true });
    const stream = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    sim.contact(CONTACT, "Carol");
    const file = randomBytes(2000);
    const send = (variables: Record<string, unknown>) =>
      gql(
        running.url,
        SendMediaDocument,
        { instanceId: instance.id, to: CONTACT, kind: "document", ...variables },
        ACCOUNT_TOKEN,
      );
    // The text is sent while the file is still downloading: its frame must wait.
    sim.media.downloadDelayMs = 1000;
    const sent = await send({ base64: file.toString("base64"), fileName: "f.bin" });
    expect(sent.data?.sendMedia.__typename).toBe("Message");
    const text = await gql(
      running.url,
      SendTextDocument,
      { instanceId: instance.id, to: CONTACT, text: "after" },
      ACCOUNT_TOKEN,
    );
    expect(text.data?.sendText.__typename).toBe("Message");
    const frames = await stream.until(2, (frame) => frame.type === "sendMessage");
    sim.media.downloadDelayMs = 0;
    expect(Buffer.from(frames[0].data.message.base64, "base64").equals(file)).toBe(true);
    expect(frames[1].data.message.conversation ?? frames[1].data.message.extendedTextMessage?.text).toBe(
      "after",
    );
    stream.ws.close();
  });

  it("sends an inbound message as message.exchange to every client, and nothing filtered out", async () => {
    const instance = await createInstance(running.url);
    await linkInstance(running, sim, instance, ACCOUNT);
    await setWebsocket(instance, { enabled: true, events: ["message.exchange"] });
    const first = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const second = await openStream(running, `/ws/${instance.name}`, { token: ACCOUNT_TOKEN });
    // Filtered out: message.status, and fine types without a RyzeAPI name (presence).
    for (const type of ["messagesUpdate", "presenceUpdate"] as const)
      running.app.services.bus.publish({
        instanceId: instance.uuid,
        instanceName: instance.name,
        type,
        data: { filtered: true },
      });
    await sim.contact(CONTACT, "Carol").sendText(ACCOUNT, "hello over /ws", { encrypt: true });
    const isMessage = (frame: { data: unknown }) => JSON.stringify(frame.data).includes("hello over /ws");
    const [frame] = await first.until(1, isMessage);
    expect(frame).toMatchObject({
      event: "message.exchange",
      type: "messagesUpsert",
      id: expect.any(String),
      timestamp: expect.any(String),
      data: expect.anything(),
      instanceData: {
        baseUrl: "https://gateway.example.com",
        instance: instance.name,
        instanceId: instance.uuid,
      },
    });
    await second.until(1, isMessage);
    // Published before the message: had they been sent, they would have come first.
    for (const stream of [first, second]) {
      expect(stream.frames.every((each) => each.event === "message.exchange")).toBe(true);
      expect(JSON.stringify(stream.frames)).not.toContain("filtered");
    }
    expect(second.frames.map((each) => each.id)).toEqual(first.frames.map((each) => each.id));
    first.ws.close();
    second.ws.close();
  });

  it("follows a config change in memory, without reading the database per event", async () => {
    const instance = await enabledInstance();
    const stream = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const reads = vi.spyOn(running.app.services.prisma.socket, "findUnique");
    await publishMany(running, instance, 3);
    await stream.until(3);
    await setWebsocket(instance, { enabled: true, events: ["message.status"] });
    await publishMany(running, instance, 3);
    running.app.services.bus.publish({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "messagesUpdate",
      data: { status: "READ" },
    });
    await stream.until(1, (frame) => frame.event === "message.status");
    expect(stream.frames.map((frame) => frame.event)).toEqual([
      "message.exchange",
      "message.exchange",
      "message.exchange",
      "message.status",
    ]);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    stream.ws.close();
  });

  it("serializes nothing without clients, and each event once for all of them", async () => {
    const instance = await enabledInstance();
    const stringify = vi.spyOn(JSON, "stringify");
    await publishMany(running, instance, 10);
    expect(stringify).not.toHaveBeenCalled();
    const streams = await Promise.all([
      openStream(running, `/ws/${instance.name}`, { token: instance.token }),
      openStream(running, `/ws/${instance.name}`, { token: ACCOUNT_TOKEN }),
      openStream(running, "/ws", { token: ACCOUNT_TOKEN }),
    ]);
    stringify.mockClear();
    // Fewer than a slice: published in one go, before anything else runs.
    await publishMany(running, instance, 5);
    expect(stringify).toHaveBeenCalledTimes(5);
    stringify.mockRestore();
    for (const stream of streams) {
      await stream.until(5, (frame) => frame.instanceData.instanceId === instance.uuid);
      stream.ws.close();
    }
  });
});

describe("closing", () => {
  it("closes a client that stops reading with 4008, while another keeps receiving", async () => {
    const instance = await enabledInstance();
    const slow = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const fast = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const padding = "x".repeat(8192);
    let sent = 0;
    // Kernel buffers fill first; 256 frames later the client is dropped.
    for (let round = 0; round < 40 && hub().clientCount(instance.uuid) === 2; round++) {
      await publishMany(running, instance, 256, "messagesUpsert", padding);
      sent += 256;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(hub().clientCount(instance.uuid)).toBe(1);
    await publishMany(running, instance, 10);
    sent += 10;
    await fast.until(sent, () => true, 30_000);
    expect(fast.frames.map((frame) => frame.data.index).slice(-10)).toEqual([...Array(10).keys()]);
    // Read again: the frames sent, then the close frame.
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toEqual({ code: 4008, reason: "Slow client" });
    expect(slow.frames.length).toBeLessThan(sent);
    fast.ws.close();
  }, 60_000);

  it("closes clients when the config is disabled, with 4400, and refuses new ones", async () => {
    const instance = await enabledInstance();
    const stream = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    await setWebsocket(instance, { enabled: false });
    expect(await stream.closed).toEqual({ code: 4400, reason: "WebSocket disabled" });
    expect((await refusedUpgrade(running, `/ws/${instance.name}`, { token: instance.token })).status).toBe(
      400,
    );
  });

  it("sends instanceDelete as an instance.state frame, then closes with 4410", async () => {
    const instance = await enabledInstance(["message.exchange"]);
    const stream = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(deleted.data?.deleteInstance.__typename).toBe("DeletedInstance");
    expect(await stream.closed).toEqual({ code: 4410, reason: "Instance deleted" });
    expect(stream.frames).toMatchObject([
      {
        event: "instance.state",
        type: "instanceDelete",
        data: { instanceId: instance.uuid, instanceName: instance.name },
        instanceData: { instance: instance.name, instanceId: instance.uuid },
      },
    ]);
  });

  it("closes the clients opened with a rotated token with 4403; the account's stay", async () => {
    const instance = await enabledInstance();
    const byToken = await openStream(running, `/ws/${instance.name}`, { token: instance.token });
    const byAccount = await openStream(running, `/ws/${instance.name}`, { token: ACCOUNT_TOKEN });
    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
    expect(await byToken.closed).toEqual({ code: 4403, reason: "Token revoked" });
    expect(byAccount.ws.readyState).toBe(byAccount.ws.OPEN);
    expect(await refusedUpgrade(running, `/ws/${instance.name}`, { token: instance.token })).toEqual({
      status: 401,
      body: invalidToken,
    });
    byAccount.ws.close();
  });
});

describe("account-wide stream", () => {
  it("carries every instance's events, whatever their config", async () => {
    const first = await enabledInstance(["message.status"]);
    const second = await createInstance(running.url);
    const stream = await openStream(running, "/ws", { token: ACCOUNT_TOKEN });
    await publishMany(running, first, 2);
    await publishMany(running, second, 2);
    // No RyzeAPI name: not sent here either.
    await publishMany(running, second, 2, "presenceUpdate");
    await publishMany(running, second, 1);
    const ours = [first.uuid, second.uuid];
    const frames = await stream.until(5, (frame) => ours.includes(frame.instanceData.instanceId));
    expect(frames.map((frame) => [frame.event, frame.instanceData.instance])).toEqual([
      ["message.exchange", first.name],
      ["message.exchange", first.name],
      ["message.exchange", second.name],
      ["message.exchange", second.name],
      ["message.exchange", second.name],
    ]);
    stream.ws.close();
  });

  it("refuses instance tokens with 403 and unknown callers with 401", async () => {
    const instance = await enabledInstance();
    expect(await refusedUpgrade(running, "/ws", { token: instance.token })).toEqual({
      status: 403,
      body: { success: false, error: { message: "The account-wide stream needs the account token" } },
    });
    expect(await refusedUpgrade(running, "/ws")).toEqual({ status: 401, body: invalidToken });
  });
});
