// Delivery of event bursts over graphql-ws: every event in order with frames written
// together, and a client that stops reading is dropped instead of buffered without bound.

import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { coalesceSends, MAX_UNWRITTEN_BYTES } from "../../src/http/coalesced-sends.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { createInstance } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

const SUBSCRIPTION = "subscription ($id: ID!) { instanceEvents(instanceId: $id) { type data } }";

/** A graphql-ws client spoken by hand, so the test can stop reading its socket. */
async function rawSubscriber(instanceId: string) {
  const socket = new WebSocket(`${running.wsUrl}/graphql`, "graphql-transport-ws");
  const received: { type: string; payload?: { data?: { instanceEvents: { data: { index: number } } } } }[] =
    [];
  socket.on("message", (data) => received.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  socket.send(
    JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${ACCOUNT_TOKEN}` } }),
  );
  await vi.waitFor(() => expect(received.some((message) => message.type === "connection_ack")).toBe(true));
  const listeners = running.app.services.bus.listenerCount();
  socket.send(
    JSON.stringify({
      id: "1",
      type: "subscribe",
      payload: { query: SUBSCRIPTION, variables: { id: instanceId } },
    }),
  );
  await vi.waitFor(() => expect(running.app.services.bus.listenerCount()).toBe(listeners + 1));
  const nexts = () => received.filter((message) => message.type === "next");
  return { socket, received, nexts, listeners };
}

/** Publishes like the engine does: slices of 64 events, letting the event loop run between. */
async function publishBurst(instance: { uuid: string; name: string }, count: number, padding = "") {
  for (let index = 0; index < count; index += 1) {
    running.app.services.bus.publish({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "presenceUpdate",
      data: { index, padding },
    });
    if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("event delivery over graphql-ws", () => {
  it("delivers a burst of 3,000 events complete and in order", async () => {
    const instance = await createInstance(running.url);
    const subscriber = await rawSubscriber(instance.uuid);
    await publishBurst(instance, 3000);
    await vi.waitFor(() => expect(subscriber.nexts()).toHaveLength(3000), { timeout: 20_000 });
    const indexes = subscriber.nexts().map((message) => message.payload?.data?.instanceEvents.data.index);
    expect(indexes).toEqual(Array.from({ length: 3000 }, (_, index) => index));
    subscriber.socket.close();
  });

  it("drops a client that stops reading, with a bounded amount left unwritten", async () => {
    const instance = await createInstance(running.url);
    const before = new Set(running.app.http.webSocketClients());
    const subscriber = await rawSubscriber(instance.uuid);
    const [server] = [...running.app.http.webSocketClients()].filter((client) => !before.has(client));
    // What the server holds for this client, measured after every frame it sends.
    let mostUnwritten = 0;
    const send = server.send.bind(server);
    server.send = ((...args: Parameters<typeof send>) => {
      send(...args);
      // Bytes queued in the socket and in the WebSocket's sender.
      mostUnwritten = Math.max(mostUnwritten, server.bufferedAmount);
    }) as typeof server.send;
    // The client's kernel buffers fill, then the server's socket, then the subscription's buffer.
    (subscriber.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const padding = "x".repeat(4096);
    for (
      let round = 0;
      round < 40 && running.app.services.bus.listenerCount() > subscriber.listeners;
      round++
    ) {
      await publishBurst(instance, 256, padding);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // 40 rounds would be 40 MB of frames: the subscriber was dropped long before.
    expect(running.app.services.bus.listenerCount()).toBe(subscriber.listeners);
    // The client stopped reading long enough to fill the server's share...
    expect(mostUnwritten).toBeGreaterThan(MAX_UNWRITTEN_BYTES / 2);
    // ...which never grew past the bound and one frame.
    expect(mostUnwritten).toBeLessThan(MAX_UNWRITTEN_BYTES + 2 * padding.length);
    subscriber.socket.terminate();
  });
});

describe("coalesceSends", () => {
  it("writes the frames of one event-loop turn together, and calls each send back at once", async () => {
    const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
    await new Promise((resolve) => server.once("listening", resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const frames: string[] = [];
    client.on("message", (data) => frames.push(String(data)));
    const socket = await accepted;
    coalesceSends(socket);
    const raw = (socket as unknown as { _socket: object })._socket;
    const writes = vi.spyOn(raw as { _write(...args: unknown[]): void }, "_write");
    const batches = vi.spyOn(raw as { _writev(...args: unknown[]): void }, "_writev");

    const callbacks: number[] = [];
    for (let index = 0; index < 100; index += 1) socket.send(`frame ${index}`, () => callbacks.push(index));
    await Promise.resolve();
    expect(callbacks).toHaveLength(100);
    await vi.waitFor(() => expect(frames).toHaveLength(100));
    expect(frames[99]).toBe("frame 99");
    expect(writes.mock.calls.length + batches.mock.calls.length).toBe(1);

    client.close();
    server.close();
  });
});
