/**
 * Child process of bench:fanout: the clients, in their own process so they do not share an
 * event loop with the server they measure. Started with fork() (IPC).
 *
 * Messages in: `open` ({ target: "gateway" | "bare", wsUrl, token, instanceId, instanceName,
 * subscribers, streams }) opens graphql-ws subscribers of instanceEventBatches and /ws clients
 * (gateway) or plain WebSocket clients (bare), answers `opened`; `expect` ({ count, webhooks })
 * answers `done` ({ lags, lastAt, dropped }) once every client and the webhook receiver
 * (requests × webhooks) had `count` events; `close` closes the clients, answers `closed`.
 * Every event's data carries `t`, its emit time (epoch ms, fractional); a lag is the time
 * from then to the client or receiver parsing it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

const send = (message: Record<string, unknown>) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();

let lags: number[] = [];
let received = 0;
let lastAt = 0;
let dropped = 0;
let goal = Number.POSITIVE_INFINITY;
let closers: (() => Promise<void> | void)[] = [];

function take(t: number): void {
  const at = now();
  lags.push(at - t);
  lastAt = at;
  received += 1;
  if (received >= goal) {
    goal = Number.POSITIVE_INFINITY;
    send({ type: "done", lags, lastAt, dropped });
  }
}

/** One event's emit time out of a frame: RyzeAPI's /ws envelope or the bare server's. */
const stampOf = (text: string) => Number(/"t":([\d.]+)/.exec(text)?.[1]);

const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    response.writeHead(204).end();
    take(stampOf(Buffer.concat(chunks).toString("utf8")));
  });
});

function openSocket(url: string, headers: Record<string, string>): Promise<void> {
  const ws = new WebSocket(url, { headers });
  ws.on("message", (data) => {
    const text = String(data);
    // The bare server sends arrays of events, as the gateway's batches.
    for (const match of text.matchAll(/"t":([\d.]+)/g)) take(Number(match[1]));
  });
  ws.on("close", (code) => {
    if (code !== 1000 && code !== 1005) dropped += 1;
  });
  closers.push(() => ws.close(1000));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
}

function openSubscriber(wsUrl: string, token: string, instanceId: string): Promise<void> {
  const client: Client = createClient({
    url: `${wsUrl}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  const query = `subscription ($id: ID!) {
    instanceEventBatches(instanceId: $id, types: [messagesUpsert], maxBatchSize: 500) { data }
  }`;
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe<{ instanceEventBatches: { data: { t: number } }[] }>(
      { query, variables: { id: instanceId } },
      {
        next: (value) => {
          if (value.errors) dropped += 1;
          for (const event of value.data?.instanceEventBatches ?? []) take(event.data.t);
        },
        error: () => {
          dropped += 1;
        },
        complete: () => {},
      },
    );
    closers.push(async () => {
      unsubscribe();
      await client.dispose();
    });
    // graphql-ws acknowledges the connection before the subscription starts; the first
    // events are emitted only after a short settle in the parent.
    client.on("connected", () => resolve());
  });
}

process.on("message", async (message: Record<string, any>) => {
  try {
    if (message.type === "open") {
      const { target, wsUrl, token, instanceId, instanceName, subscribers, streams } = message;
      const opening: Promise<void>[] = [];
      for (let n = 0; n < subscribers; n++) {
        opening.push(
          target === "gateway" ? openSubscriber(wsUrl, token, instanceId) : openSocket(`${wsUrl}/bare`, {}),
        );
      }
      for (let n = 0; n < streams; n++) {
        opening.push(
          openSocket(target === "gateway" ? `${wsUrl}/ws/${instanceName}` : `${wsUrl}/bare`, { token }),
        );
      }
      await Promise.all(opening);
      send({ type: "opened" });
    } else if (message.type === "expect") {
      lags = [];
      received = 0;
      dropped = 0;
      goal = message.count * message.sinks;
      send({ type: "armed" });
    } else if (message.type === "close") {
      await Promise.all(closers.map((close) => close()));
      closers = [];
      send({ type: "closed" });
    }
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});

receiver.listen(0, "127.0.0.1", () => {
  send({ type: "ready", receiverUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
});
process.on("SIGTERM", () => process.exit(0));
