/**
 * bench:fanout — events per second and latency from the engine to S graphql-ws subscribers
 * (instanceEventBatches), R /ws clients (GET /ws/:instance) and W webhooks, against bare
 * sinks (a plain `ws` server sending the same events to the same number of clients, and W
 * plain undici POST loops for the webhooks), in the same run, the sides taking turns.
 *
 * The gateway runs in this process (SQLite in a temporary directory) so the events enter
 * where the engine's enter: EventLog.commit, in commits of BENCH_FANOUT_BATCH events,
 * published as the work queue publishes them (yielding while a subscriber's buffer is a
 * quarter full). Three sides per shape:
 * - gateway: the gateway's own sinks, fed by the log;
 * - bare: the same commits to the same log, each commit's events then sent by the bare sinks
 *   (one array per subscriber, one frame per event per /ws client, one POST per event per
 *   webhook): the fan-out the gateway's sinks are compared with;
 * - unlogged: the bare sinks alone, nothing stored: what durability costs on top.
 * The clients and the webhook receiver run in a child process (support/fanout-clients.ts).
 * A phase ends when every client had every event; events/s is the count over that time,
 * latencies run from the commit starting (unlogged: the frame being built) to a client
 * parsing the event.
 *
 * Env: BENCH_FANOUT_EVENTS (10000 per phase), BENCH_FANOUT_BATCH (100), BENCH_REPEATS (3),
 * BENCH_FANOUT_S / _R / _W (10 / 10 / 3: the mixed row; one row per sink alone too),
 * BENCH_FANOUT_SIDES (gateway,bare,unlogged: fewer sides to profile one of them).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Socket } from "node:net";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { WebSocketServer } from "ws";
import type { App } from "../src/app.ts";
import { EVENT_FLAGS, type GatewayEvent } from "../src/events/types.ts";
import { type BenchChild, forkChild } from "./support/child.ts";
import { graphql } from "./support/seed.ts";
import { startInProcessGateway } from "./support/server.ts";

const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? "10000");
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
/** The gateway; bare sinks fed by the same log commits; bare sinks with nothing stored. */
type Target = "gateway" | "bare" | "unlogged";
const TARGETS = (process.env.BENCH_FANOUT_SIDES ?? "gateway,bare,unlogged").split(",") as Target[];

interface Phase {
  shape: Shape;
  target: Target;
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

/** One commit's events; each carries its emit time. */
const inputsOf = (instance: { uuid: string; name: string }, sent: number) =>
  Array.from({ length: Math.min(BATCH, EVENTS - sent) }, (_, n) => ({
    instanceId: instance.uuid,
    instanceName: instance.name,
    type: "messagesUpsert" as const,
    data: { t: stamp(), n: sent + n },
  }));

/**
 * Commits and publishes like the engine's work queue: one commit per batch. Each commit then
 * yields a turn of the event loop, as the bare side does and as the engine does between the
 * socket reads that bring its messages.
 */
async function emitThroughLog(app: App, instance: { uuid: string; name: string }): Promise<void> {
  const { log, bus } = app.services;
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    const inputs = inputsOf(instance, sent);
    await log.commit(instance.uuid, [], inputs, async (events: GatewayEvent[]) => {
      for (let next = 0; next < events.length; ) {
        bus.deliver(events[next++]);
        if (next % PUBLISH_SLICE === 0 && bus.crowded())
          await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sends prepared events the way a plain `ws` server and undici POST loops would: no GraphQL, no envelope, no signature. */
class BareSinks {
  private readonly queues: string[][];
  private readonly posts: Promise<void>[] = [];
  private readonly wakers: (() => void)[] = [];
  private finished = false;
  private readonly http = new Agent();

  constructor(
    private readonly server: WebSocketServer,
    receiverUrl: string,
    webhooks: number,
  ) {
    this.queues = Array.from({ length: webhooks }, () => []);
    const { origin, pathname: path } = new URL(receiverUrl);
    // One sequential POST loop per webhook, as the gateway's pumps.
    for (const queue of this.queues) {
      this.posts.push(
        (async () => {
          for (;;) {
            const body = queue.shift();
            if (body === undefined) {
              if (this.finished) return;
              await new Promise<void>((resolve) => this.wakers.push(resolve));
              continue;
            }
            const answer = await this.http.request({
              origin,
              path,
              method: "POST",
              body,
              headers: { "content-type": "application/json" },
            });
            await answer.body.arrayBuffer();
          }
        })(),
      );
    }
  }

  /** One array per "subscriber", one frame per event per "/ws client", one POST per event per webhook. */
  send(events: string[]): void {
    const batch = `[${events.join(",")}]`;
    for (const client of this.server.clients) {
      if ((client as { batches?: boolean }).batches) client.send(batch);
      else {
        // One write per client for the commit, as the gateway's hub does.
        const socket = (client as unknown as { _socket: Socket })._socket;
        socket.cork();
        for (const event of events) client.send(event);
        socket.uncork();
      }
    }
    for (const queue of this.queues) queue.push(...events);
    for (const wake of this.wakers.splice(0)) wake();
  }

  async end(): Promise<void> {
    this.finished = true;
    for (const wake of this.wakers.splice(0)) wake();
    await Promise.all(this.posts);
    await this.http.close();
  }
}

/**
 * The reference fan-out: the same commits to the same log, then the committed events sent
 * by BareSinks; with `log` false, the events are sent without being stored at all.
 */
async function emitBare(
  sinks: BareSinks,
  log: boolean,
  app: App,
  instance: { uuid: string; name: string },
): Promise<void> {
  for (let sent = 0; sent < EVENTS; sent += BATCH) {
    const inputs = inputsOf(instance, sent);
    if (log) {
      await app.services.log.commit(instance.uuid, [], inputs, (events: GatewayEvent[]) =>
        sinks.send(events.map((event) => `{"type":"${event.type}","data":${event.json}}`)),
      );
    } else {
      sinks.send(inputs.map((input) => JSON.stringify({ type: input.type, data: input.data })));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await sinks.end();
}

async function phase(
  target: Target,
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
    target: target === "gateway" ? "gateway" : "bare",
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
    target: target === "gateway" ? "gateway" : "bare",
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
  else
    await emitBare(new BareSinks(ctx.bare, ctx.receiverUrl, shape.w), target === "bare", ctx.app, instance);
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
    "| clients | gateway events/s | bare events/s | gateway/bare | bare unlogged events/s | gateway emit ms | gateway p50 / p99 ms | bare p50 / p99 ms | dropped |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const shape of shapes) {
    const of = (target: Target) => phases.filter((p) => p.shape === shape && p.target === target);
    const [gateway, bare, unlogged] = [of("gateway"), of("bare"), of("unlogged")];
    const rate = (list: Phase[]) =>
      list.length ? median(list.map((p) => (1000 * EVENTS) / p.ms)) : Number.NaN;
    const lat = (list: Phase[]) =>
      list.length
        ? `${median(list.map((p) => p.p50)).toFixed(1)} / ${median(list.map((p) => p.p99)).toFixed(1)}`
        : "–";
    const ratios = gateway.flatMap((g, i) => (bare[i] ? [bare[i].ms / g.ms] : []));
    lines.push(
      `| ${label(shape)} | ${rate(gateway).toFixed(0)} | ${rate(bare).toFixed(0)} | ${ratios.length ? (100 * median(ratios)).toFixed(0) : "–"} % | ` +
        `${rate(unlogged).toFixed(0)} | ${gateway.length ? median(gateway.map((p) => p.emitMs)).toFixed(0) : "–"} | ${lat(gateway)} | ${lat(bare)} | ` +
        `${phases.filter((p) => p.shape === shape).reduce((sum, p) => sum + p.dropped, 0)} |`,
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
    // Each sink alone, then all together; a shape without clients, or a repeat, is skipped.
    const shapes: Shape[] = [];
    for (const shape of [
      { s: S, r: 0, w: 0 },
      { s: 0, r: R, w: 0 },
      { s: 0, r: 0, w: W },
      { s: S, r: R, w: W },
    ]) {
      const seen = shapes.some((known) => known.s === shape.s && known.r === shape.r && known.w === shape.w);
      if (shape.s + shape.r + shape.w > 0 && !seen) shapes.push(shape);
    }
    const ctx = { app, url, clients, receiverUrl, bare, bareUrl };
    console.error("warm-up");
    for (const target of TARGETS) await phase(target, shapes[shapes.length - 1], ctx, instance);
    const phases: Phase[] = [];
    for (let round = 1; round <= REPEATS; round++) {
      for (const shape of shapes) {
        // Each round starts with another side, so drift over the run hits all three alike.
        const order = TARGETS.map((_, n) => TARGETS[(n + round - 1) % TARGETS.length]);
        for (const target of order) {
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
