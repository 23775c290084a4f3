/**
 * bench:inbound, webhooks mode (BENCH_WEBHOOKS=1): inbound plaintext bursts through the
 * gateway with 0, 1 and 3 enabled webhooks to a loopback receiver in this process, in the
 * same run (the order alternating from round to round), and a bare Baileys burst per round.
 *
 * A gateway burst ends, as in the default mode, when an `instanceEventBatches` subscriber
 * has every `messagesUpsert` event (the engine publishes only committed events), so msgs/s
 * is the inbound path's rate with the webhooks' pumps running beside it. Each webhook
 * subscribes to `messagesUpsert` only and is created before its burst and deleted after the
 * receiver had all its requests. Every text carries its send time from the simulator
 * (`stamp`), so the receiver's lag is measured per request: from the WhatsApp frame being
 * sent to the webhook request arriving (both clocks are this machine's).
 *
 * Env: BENCH_PLAIN (burst size, 2000), BENCH_REPEATS (rounds, 5), BENCH_GATEWAY (dist or tsx).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { EVENT_FLAGS } from "../src/events/types.ts";
import { type Receiver, startReceiver } from "../test/support/receiver.ts";
import { forkChild } from "./support/child.ts";
import type { GatewayProcess } from "./support/gateway.ts";
import {
  ACCOUNT_TOKEN,
  BARE_PHONE,
  type Burst,
  bareBurst,
  gatewayBurst,
  startGateway,
} from "./support/inbound-bursts.ts";
import { sleep } from "./support/pool.ts";
import { gatewayMode, gatewayModeLine } from "./support/runtime.ts";
import { graphql } from "./support/seed.ts";
import { startSimulator } from "./support/simulator.ts";

const COUNT = Number(process.env.BENCH_PLAIN ?? "2000");
const REPEATS = Number(process.env.BENCH_REPEATS ?? "5");
const WEBHOOKS = [0, 1, 3];
const DRAIN_LIMIT_MS = 300_000;

const CREATE = `mutation ($instanceId: ID!, $input: CreateWebhookInput!) {
  createWebhook(instanceId: $instanceId, input: $input) { __typename ... on Webhook { id } ... on Error { message } }
}`;
const DELETE = `mutation ($id: ID!) { deleteWebhook(id: $id) { __typename } }`;

interface Round {
  round: number;
  webhooks: number;
  burst: Burst;
  /** From the burst's start until the receiver had every request. */
  drainMs: number;
  /** Per request: ms from the simulator sending the message to the request arriving. */
  lags: number[];
}

const onlyMessages = Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, flag === "messagesUpsert"]));

async function webhookBurst(
  sim: Awaited<ReturnType<typeof startSimulator>>,
  gateway: GatewayProcess,
  id: string,
  receiver: Receiver,
  webhooks: number,
  round: number,
): Promise<Round> {
  const ids: string[] = [];
  for (let n = 0; n < webhooks; n++) {
    const input = { name: `bench-${round}-${n}`, url: receiver.url, enabled: true, events: onlyMessages };
    const created = await graphql(gateway.url, ACCOUNT_TOKEN, CREATE, { instanceId: id, input });
    if (created.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
    ids.push(created.createWebhook.id);
  }
  receiver.hits.length = 0;
  const started = Date.now();
  const burst = await gatewayBurst(sim, gateway, id, "plaintext", COUNT, "batches", true);
  const expected = COUNT * webhooks;
  await receiver.waitFor(expected, DRAIN_LIMIT_MS);
  // The subscription's 500 ms head start is part of the burst's time, not of the drain.
  const drainMs = Math.max(...receiver.hits.map((hit) => hit.at)) - started - 500;
  const lags = receiver.hits.map((hit) => {
    const stamp = /@(\d+)"/.exec(hit.body);
    if (!stamp) throw new Error(`no send time in ${hit.body.slice(0, 200)}`);
    return hit.at - Number(stamp[1]);
  });
  if (receiver.hits.length !== expected)
    throw new Error(`receiver got ${receiver.hits.length} of ${expected}`);
  for (const webhookId of ids) await graphql(gateway.url, ACCOUNT_TOKEN, DELETE, { id: webhookId });
  return { round, webhooks, burst, drainMs, lags };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const rate = (burst: Burst) => (1000 * burst.count) / burst.ms;

function report(rounds: Round[], bares: Burst[], loadBefore: number): string {
  const lines = [
    "| round | webhooks | msgs/s | webhooks drained ms | lag p50 ms | lag p99 ms |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  bares.forEach((bare, index) => {
    lines.push(`| ${index + 1} | bare Baileys | ${rate(bare).toFixed(0)} | – | – | – |`);
    for (const r of rounds.filter((each) => each.round === index + 1)) {
      const sorted = [...r.lags].sort((a, b) => a - b);
      lines.push(
        `| ${r.round} | ${r.webhooks} | ${rate(r.burst).toFixed(0)} | ${r.webhooks ? r.drainMs.toFixed(0) : "–"} | ` +
          `${r.webhooks ? percentile(sorted, 50).toFixed(0) : "–"} | ${r.webhooks ? percentile(sorted, 99).toFixed(0) : "–"} |`,
      );
    }
  });
  lines.push(
    "",
    `| webhooks | msgs/s (median) | vs 0 webhooks (median of rounds) | vs bare Baileys (median of rounds) | drained ms (median) | lag p50 / p99 ms (all requests) |`,
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const webhooks of WEBHOOKS) {
    const mine = rounds.filter((r) => r.webhooks === webhooks);
    const none = (round: number) => rounds.find((r) => r.round === round && r.webhooks === 0) as Round;
    const vsNone = mine.map((r) => none(r.round).burst.ms / r.burst.ms);
    const vsBare = mine.map((r) => bares[r.round - 1].ms / r.burst.ms);
    const lags = mine.flatMap((r) => r.lags).sort((a, b) => a - b);
    lines.push(
      `| ${webhooks} | ${median(mine.map((r) => rate(r.burst))).toFixed(0)} | ${(100 * median(vsNone)).toFixed(0)} % | ` +
        `${(100 * median(vsBare)).toFixed(0)} % | ${webhooks ? median(mine.map((r) => r.drainMs)).toFixed(0) : "–"} | ` +
        `${webhooks ? `${percentile(lags, 50).toFixed(0)} / ${percentile(lags, 99).toFixed(0)}` : "–"} |`,
    );
  }
  const cpu = cpus();
  lines.push(
    "",
    gatewayModeLine(),
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
    `Date: ${new Date().toISOString()}`,
    `Command: BENCH_WEBHOOKS=1 BENCH_PLAIN=${COUNT} BENCH_REPEATS=${REPEATS} BENCH_GATEWAY=${gatewayMode} npm run bench:inbound`,
  );
  return lines.join("\n");
}

export async function runWebhooksMode(): Promise<void> {
  const loadBefore = loadavg()[0];
  const sim = await startSimulator();
  const receiver = await startReceiver();
  const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-webhooks-"));
  const bare = await forkChild(
    "bench/support/bare-inbound.ts",
    { BENCH_SIM_URL: sim.url, BENCH_SIM_CONTROL: sim.control, BENCH_PHONE: BARE_PHONE },
    "bare",
  );
  let gateway: GatewayProcess | undefined;
  try {
    await bare.next("ready", 120_000);
    const started = await startGateway(sim, dir, { OUTBOUND_ALLOW: "127.0.0.1" });
    gateway = started.gateway;
    await sleep(3000);
    console.error(`warm-up: ${COUNT} plaintext messages to bare, then with 0 and 3 webhooks`);
    await bareBurst(sim, bare, "plaintext", COUNT);
    for (const webhooks of [0, 3]) await webhookBurst(sim, gateway, started.id, receiver, webhooks, 0);
    const rounds: Round[] = [];
    const bares: Burst[] = [];
    for (let round = 1; round <= REPEATS; round++) {
      console.error(`round ${round}: bare`);
      bares.push(await bareBurst(sim, bare, "plaintext", COUNT));
      await sleep(1000);
      for (const webhooks of round % 2 === 1 ? WEBHOOKS : [...WEBHOOKS].reverse()) {
        console.error(`round ${round}: gateway with ${webhooks} webhook(s)`);
        rounds.push(await webhookBurst(sim, gateway, started.id, receiver, webhooks, round));
        await sleep(1000);
      }
    }
    console.log(`\n${report(rounds, bares, loadBefore)}`);
  } finally {
    await gateway?.stop();
    await bare.stop();
    await sim.stop();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
