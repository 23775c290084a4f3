/**
 * bench:fanout — events per second and latency from the engine to S graphql-ws subscribers
 * (instanceEventBatches), R /ws clients (GET /ws/:instance) and W webhooks, against a bare
 * `ws` server sending the same events to the same number of clients (and W plain HTTP POST
 * loops for the webhooks), in the same run, alternating gateway and bare.
 *
 * The gateway runs in this process (SQLite in a temporary directory) so the events enter
 * where the engine's enter: EventLog.commit, in commits of BENCH_FANOUT_BATCH events,
 * published as the work queue publishes them (yielding while a subscriber's buffer is a
 * quarter full). The bare server runs in this process too, between the gateway's phases,
 * and sends each commit's events as one frame per /ws client and one array per subscriber.
 * The clients and the webhook receiver run in a child process (support/fanout-clients.ts).
 * A phase ends when every client had every event; events/s is the count over that time,
 * latencies run from the commit starting (the bare side: the frame being built) to a client
 * parsing the event.
 *
 * Env: BENCH_FANOUT_EVENTS (2000 per phase), BENCH_FANOUT_BATCH (100), BENCH_REPEATS (3),
 * BENCH_FANOUT_S / _R / _W (10 / 10 / 3: the mixed row; one row per sink alone too).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocketServer } from "ws";
import type { App } from "../src/app.ts";
import { EVENT_FLAGS, type GatewayEvent } from "../src/events/types.ts";
import { type BenchChild, forkChild } from "./support/child.ts";
import { graphql } from "./support/seed.ts";
import { startInProcessGateway } from "./support/server.ts";

const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? "2000");
const BATCH = Number(process.env.BENCH_FANOUT_BATCH ?? "100");
const REPEATS = Number(process.env.BENCH_REPEATS ?? "3");
const S = Number(process.env.BENCH_FANOUT_S ?? "10");
const R = Number(process.env.BENCH_FANOUT_R ?? "10");
const W = Number(process.env.BENCH_FANOUT_W ?? "3");
const TOKEN = "bench-account-token-0123456789";
const PUBLISH_SLICE = 64;

interface Shape {
  s: number;
  r: number;
  w: number;
}
interface Phase {
  shape: Shape;
  target: "gateway" | "bare";
  ms: number;
  /** The emitting side alone: commits and publishing (gateway), building and sending (bare). */
  emitMs: number;
  p50: number;
  p99: number;
  dropped: number;
}

const CREATE_INSTANCE = `mutation { createInstance(input: { name: "fanout" }) { ... on InstanceWithToken { token instance { id instanceId } } } }`;
const SET_SOCKET = `mutation ($id: ID!) { setSocket(instanceId: $id, input: { enabled: true }) { __typename } }`;
const CREATE_WEBHOOK = `mutation ($id: ID!, $input: CreateWebhookInput!) { createWebhook(instanceId: $id, input: $input) { ... on Webhook { id } } }`;
const DELETE_WEBHOOK = `mutation ($id: ID!) { deleteWebhook(id: $id) { __typename } }`;
const onlyMessages = Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, flag === "messagesUpsert"]));

const stamp = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Commits and publishes like the engine's work queue: one commit per batch. */
async function emitThroughLog(app: App, instance: { uuid: string; name: string }): Promise<void> {
  const { log, bus } = app.services;
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    const inputs = Array.from({ length: Math.min(BATCH, EVENTS - sent) }, (_, n) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "messagesUpsert" as const,
      data: { t: stamp(), n: sent + n },
    }));
    await log.commit(instance.uuid, [], inputs, async (events: GatewayEvent[]) => {
      for (let next = 0; next < events.length; ) {
        bus.deliver(events[next++]);
        if (next % PUBLISH_SLICE === 0 && bus.crowded())
          await new Promise((resolve) => setImmediate(resolve));
      }
    });
  }
}

/** The reference: the same events to the same clients, no log, no GraphQL, no envelope. */
async function emitBare(server: WebSocketServer, receiverUrl: string, webhooks: number): Promise<void> {
  const posts: Promise<void>[] = [];
  const queues: string[][] = Array.from({ length: webhooks }, () => []);
  let finished = false;
  const wakers: (() => void)[] = [];
  // One sequential POST loop per webhook, as the gateway's pumps.
  for (const queue of queues) {
    posts.push(
      (async () => {
        for (;;) {
          const body = queue.shift();
          if (body === undefined) {
            if (finished) return;
            await new Promise<void>((resolve) => wakers.push(resolve));
            continue;
          }
          await fetch(receiverUrl, {
            method: "POST",
            body,
            headers: { "content-type": "application/json" },
          }).then((answer) => answer.arrayBuffer());
        }
      })(),
    );
  }
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, EVENTS - sent) }, (_, n) =>
      JSON.stringify({ type: "messagesUpsert", data: { t: stamp(), n: sent + n } }),
    );
    const batch = `[${events.join(",")}]`;
    for (const client of server.clients) {
      if ((client as { batches?: boolean }).batches) client.send(batch);
      else for (const event of events) client.send(event);
    }
    for (const queue of queues) queue.push(...events);
    for (const wake of wakers.splice(0)) wake();
    await new Promise((resolve) => setImmediate(resolve));
  }
  finished = true;
  for (const wake of wakers.splice(0)) wake();
  await Promise.all(posts);
}

async function phase(
  target: "gateway" | "bare",
  shape: Shape,
  ctx: {
    app: App;
    url: string;
    clients: BenchChild;
    receiverUrl: string;
    bare: WebSocketServer;
    bareUrl: string;
  },
  instance: { id: string; uuid: string; name: string; token: string },
): Promise<Phase> {
  const { clients } = ctx;
  const wsUrl = (target === "gateway" ? ctx.url : ctx.bareUrl).replace(/^http/, "ws");
  // Subscribers connect first on the bare side, so the server can tell them from /ws clients.
  clients.send({
    type: "open",
    target,
    wsUrl,
    token: TOKEN,
    instanceId: instance.id,
    instanceName: instance.name,
    subscribers: shape.s,
    streams: 0,
  });
  await clients.next("opened", 30_000);
  for (const client of ctx.bare.clients) (client as { batches?: boolean }).batches = true;
  clients.send({
    type: "open",
    target,
    wsUrl,
    token: instance.token,
    instanceId: instance.id,
    instanceName: instance.name,
    subscribers: 0,
    streams: shape.r,
  });
  await clients.next("opened", 30_000);
  const hooks: string[] = [];
  if (target === "gateway") {
    for (let n = 0; n < shape.w; n++) {
      const input = {
        name: `fanout-${n}-${Math.random()}`,
        url: ctx.receiverUrl,
        enabled: true,
        events: onlyMessages,
      };
      hooks.push(
        (await graphql(ctx.url, TOKEN, CREATE_WEBHOOK, { id: instance.id, input })).createWebhook.id,
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  clients.send({ type: "expect", count: EVENTS, sinks: shape.s + shape.r + shape.w });
  await clients.next("armed", 10_000);
  const started = stamp();
  if (target === "gateway") await emitThroughLog(ctx.app, instance);
  else await emitBare(ctx.bare, ctx.receiverUrl, shape.w);
  const emitMs = stamp() - started;
  const done = await clients.next("done", 300_000);
  const lags = (done.lags as number[]).sort((a, b) => a - b);
  for (const id of hooks) await graphql(ctx.url, TOKEN, DELETE_WEBHOOK, { id });
  clients.send({ type: "close" });
  await clients.next("closed", 30_000);
  return {
    shape,
    target,
    ms: done.lastAt - started,
    emitMs,
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    dropped: done.dropped,
  };
}

function report(phases: Phase[], shapes: Shape[], loadBefore: number): string {
  const label = (shape: Shape) => `S=${shape.s} R=${shape.r} W=${shape.w}`;
  const lines = [
    "| clients | gateway events/s | bare events/s | gateway/bare | gateway emit ms | gateway p50 / p99 ms | bare p50 / p99 ms | dropped |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const shape of shapes) {
    const of = (target: Phase["target"]) => phases.filter((p) => p.shape === shape && p.target === target);
    const [gateway, bare] = [of("gateway"), of("bare")];
    const rate = (list: Phase[]) => median(list.map((p) => (1000 * EVENTS) / p.ms));
    const ratios = gateway.map((g, i) => bare[i].ms / g.ms);
    const lat = (list: Phase[]) =>
      `${median(list.map((p) => p.p50)).toFixed(1)} / ${median(list.map((p) => p.p99)).toFixed(1)}`;
    lines.push(
      `| ${label(shape)} | ${rate(gateway).toFixed(0)} | ${rate(bare).toFixed(0)} | ${(100 * median(ratios)).toFixed(0)} % | ` +
        `${median(gateway.map((p) => p.emitMs)).toFixed(0)} | ${lat(gateway)} | ${lat(bare)} | ${[...gateway, ...bare].reduce((sum, p) => sum + p.dropped, 0)} |`,
    );
  }
  const cpu = cpus();
  lines.push(
    "",
    `Medians of ${REPEATS} rounds per row; gateway/bare is the median of the rounds' ratios. ${EVENTS} events per phase in commits of ${BATCH}.`,
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
    `Date: ${new Date().toISOString()}`,
    `Command: BENCH_FANOUT_EVENTS=${EVENTS} BENCH_FANOUT_BATCH=${BATCH} BENCH_REPEATS=${REPEATS} BENCH_FANOUT_S=${S} BENCH_FANOUT_R=${R} BENCH_FANOUT_W=${W} npm run bench:fanout`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-fanout-"));
  const { app, url } = await startInProcessGateway(`file:${join(dir, "fanout.db")}`, TOKEN, {
    OUTBOUND_ALLOW: "127.0.0.1",
  });
  const bare = new WebSocketServer({ host: "127.0.0.1", port: 0, path: "/bare" });
  await new Promise((resolve) => bare.once("listening", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
  const clients = await forkChild("bench/support/fanout-clients.ts", {}, "clients");
  try {
    const { receiverUrl } = await clients.next("ready", 30_000);
    const created = (await graphql(url, TOKEN, CREATE_INSTANCE)).createInstance;
    const instance = {
      id: created.instance.id,
      uuid: created.instance.instanceId,
      name: "fanout",
      token: created.token,
    };
    await graphql(url, created.token, SET_SOCKET, { id: instance.id });
    const shapes: Shape[] = [
      { s: S, r: 0, w: 0 },
      { s: 0, r: R, w: 0 },
      { s: 0, r: 0, w: W },
      { s: S, r: R, w: W },
    ];
    const ctx = { app, url, clients, receiverUrl, bare, bareUrl };
    console.error("warm-up");
    for (const target of ["gateway", "bare"] as const) await phase(target, shapes[3], ctx, instance);
    const phases: Phase[] = [];
    for (let round = 1; round <= REPEATS; round++) {
      for (const shape of shapes) {
        for (const target of round % 2 === 1
          ? (["gateway", "bare"] as const)
          : (["bare", "gateway"] as const)) {
          console.error(`round ${round}: ${target}, S=${shape.s} R=${shape.r} W=${shape.w}`);
          phases.push(await phase(target, shape, ctx, instance));
        }
      }
    }
    console.log(`\n${report(phases, shapes, loadBefore)}`);
  } finally {
    await clients.stop();
    bare.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
