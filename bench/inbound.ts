/**
 * bench:inbound — inbound messages per second through the whole gateway pipeline (Baileys
 * decode, rows written, events published) against bare Baileys counting `messages.upsert`.
 *
 * Three processes besides this one: the WhatsApp simulator (test/support/simulator/main.ts),
 * a bare Baileys socket (bench/support/bare-inbound.ts) and the gateway (src/main.ts, SQLite
 * in a temporary directory), each paired with its own phone number. A simulated contact sends
 * a burst as fast as the simulator can (`POST /send`); a burst is complete when the bare
 * socket counted every message, or when the gateway published every `messagesUpsert`
 * (counted on a graphql-ws subscription of `instanceEvents`; the engine publishes only after
 * the rows are committed), and the stored count (`instance(id) { messages(first: 1)
 * { totalCount } }`) is then checked. Bursts alternate bare, gateway.
 *
 * Env: BENCH_PLAIN (plaintext burst, default 2000), BENCH_SIGNAL (Signal burst, 1000),
 * BENCH_REPEATS (5: single pairs vary by ±15 points on a shared machine), BENCH_SUBSCRIPTION
 * (`both`, the default: after each bare burst one gateway burst counted on `instanceEvents`,
 * one frame per event, and one on `instanceEventBatches`; or only `events` or `batches`),
 * BENCH_BARE_CONNECT_TIMEOUT_MS (Baileys' default 20000 for bare; 0 runs bare without the
 * per-frame send timer, as the gateway does), BENCH_GATEWAY (`dist`, the default: the
 * compiled gateway and bare process; `tsx`: both from TypeScript through tsx, see
 * support/runtime.ts).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchChild, forkChild } from "./support/child.ts";
import { EventCounter, type SubscriptionMode } from "./support/events.ts";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway.ts";
import { createInstances, InstanceWatcher, pairInstance } from "./support/gateway-pairing.ts";
import { sleep } from "./support/pool.ts";
import { gatewayMode, gatewayModeLine } from "./support/runtime.ts";
import { graphql } from "./support/seed.ts";
import { cpuTimeMs, mainThreadCpuMs } from "./support/server.ts";
import { type SimulatorProcess, startSimulator } from "./support/simulator.ts";

const PLAIN = Number(process.env.BENCH_PLAIN ?? "2000");
const SIGNAL = Number(process.env.BENCH_SIGNAL ?? "1000");
const REPEATS = Number(process.env.BENCH_REPEATS ?? "5");
const SUBSCRIPTION = process.env.BENCH_SUBSCRIPTION ?? "both";
const MODES: SubscriptionMode[] =
  SUBSCRIPTION === "both" ? ["events", "batches"] : SUBSCRIPTION === "events" ? ["events"] : ["batches"];
const ACCOUNT_TOKEN = "bench-account-token-0123456789";
const BARE_PHONE = "15550100001";
const GATEWAY_PHONE = "15550100002";
const CONTACTS = { plaintext: "15550109001", signal: "15550109002" } as const;
const BURST_LIMIT_MS = 300_000;
const COUNT_QUERY =
  "query ($id: ID!) { instance(id: $id) { ... on Instance { messages(first: 1) { totalCount } } } }";

type Kind = keyof typeof CONTACTS;

interface Burst {
  kind: Kind;
  target: "bare" | "gateway";
  /** Gateway only: how the events were counted. */
  subscription?: SubscriptionMode;
  /** Gateway only: the bare burst it is compared with (the one just before it). */
  bare?: Burst;
  count: number;
  /** From the first message sent to the last one counted. */
  ms: number;
  /** Until the simulator had every delivery receipt (Baileys sends it before the upsert). */
  ackMs: number;
  clientCpuMs: number;
  /** The client's main thread only: the JavaScript, without GC helper threads. */
  mainCpuMs: number;
  simCpuMs: number;
  /** Gateway only: rows stored, events received, ms until each was complete. */
  stored?: number;
  events?: number;
  storedMs?: number;
  eventsMs?: number;
  subscriptionError?: string;
}

const simCpu = async (sim: SimulatorProcess) => (await sim.call<{ cpuMs: number }>("GET", "/stats")).cpuMs;

function send(sim: SimulatorProcess, kind: Kind, to: string, count: number) {
  const body = { from: CONTACTS[kind], to, count, encrypt: kind === "signal", timeoutMs: BURST_LIMIT_MS };
  return sim.call<{ acked: number }>("POST", "/send", body);
}

async function bareBurst(sim: SimulatorProcess, bare: BenchChild, kind: Kind, count: number): Promise<Burst> {
  bare.send({ type: "expect", count });
  await bare.next("armed", 10_000);
  const simBefore = await simCpu(sim);
  const mainBefore = mainThreadCpuMs(bare.pid) ?? Number.NaN;
  const started = performance.now();
  let ackMs = Number.NaN;
  const sent = send(sim, kind, BARE_PHONE, count).then((answer) => {
    ackMs = performance.now() - started;
    if (answer.acked !== count) throw new Error(`bare: only ${answer.acked} of ${count} acked`);
  });
  const done = await bare.next("done", BURST_LIMIT_MS);
  const ms = performance.now() - started;
  const mainCpuMs = (mainThreadCpuMs(bare.pid) ?? Number.NaN) - mainBefore;
  await sent;
  const simCpuMs = (await simCpu(sim)) - simBefore;
  return { kind, target: "bare", count, ms, ackMs, clientCpuMs: done.cpuMs, mainCpuMs, simCpuMs };
}

async function storedCount(gateway: GatewayProcess, id: string): Promise<number> {
  return (await graphql(gateway.url, ACCOUNT_TOKEN, COUNT_QUERY, { id })).instance.messages.totalCount;
}

async function gatewayBurst(
  sim: SimulatorProcess,
  gateway: GatewayProcess,
  id: string,
  kind: Kind,
  count: number,
  subscription: SubscriptionMode,
): Promise<Burst> {
  const base = await storedCount(gateway, id);
  const events = new EventCounter(gateway.url, ACCOUNT_TOKEN, id, subscription);
  await sleep(500);
  const [cpuBefore, simBefore] = [cpuTimeMs(gateway.pid) ?? Number.NaN, await simCpu(sim)];
  const mainBefore = mainThreadCpuMs(gateway.pid) ?? Number.NaN;
  const started = performance.now();
  let ackMs = Number.NaN;
  const sent = send(sim, kind, GATEWAY_PHONE, count).then((answer) => {
    ackMs = performance.now() - started;
    if (answer.acked !== count) throw new Error(`gateway: only ${answer.acked} of ${count} acked`);
  });
  // The engine publishes a message's event only after its row is committed, so the last
  // event is also the last row stored: waiting for events measures both, exactly. Polling
  // the count during the burst would load the gateway and round the time up to the poll
  // interval; the count is checked after the burst instead (and polled only if the
  // subscription ended early).
  for (;;) {
    if (events.count >= count || events.ended) break;
    if (performance.now() - started > BURST_LIMIT_MS) break;
    await sleep(20);
  }
  let storedMs = Number.NaN;
  let stored = (await storedCount(gateway, id)) - base;
  if (stored >= count && events.count >= count) storedMs = events.lastAt - started;
  while (stored < count && performance.now() - started < BURST_LIMIT_MS) {
    await sleep(100);
    stored = (await storedCount(gateway, id)) - base;
    if (stored >= count) storedMs = performance.now() - started;
  }
  await sent;
  const clientCpuMs = (cpuTimeMs(gateway.pid) ?? Number.NaN) - cpuBefore;
  const mainCpuMs = (mainThreadCpuMs(gateway.pid) ?? Number.NaN) - mainBefore;
  const simCpuMs = (await simCpu(sim)) - simBefore;
  await sleep(500);
  stored = (await storedCount(gateway, id)) - base;
  const eventsMs = events.count >= count ? events.lastAt - started : Number.NaN;
  const result: Burst = {
    kind,
    target: "gateway",
    subscription,
    count,
    ms: Math.max(storedMs, Number.isNaN(eventsMs) ? 0 : eventsMs),
    ackMs,
    clientCpuMs,
    mainCpuMs,
    simCpuMs,
    stored,
    events: events.count,
    storedMs,
    eventsMs,
    subscriptionError: events.error,
  };
  await events.close();
  if (stored !== count) throw new Error(`gateway stored ${stored} of ${count} messages`);
  return result;
}

async function startGateway(
  sim: SimulatorProcess,
  dir: string,
): Promise<{ gateway: GatewayProcess; id: string }> {
  const gateway = await startGatewayProcess({
    DATABASE_URL: `file:${join(dir, "gateway.db")}`,
    ACCOUNT_TOKEN,
    LOG_LEVEL: "warn",
    WA_LOG_LEVEL: "silent",
    WA_WS_URL: sim.url,
  });
  const [id] = await createInstances(gateway.url, ACCOUNT_TOKEN, 1);
  const watcher = new InstanceWatcher(gateway.url, ACCOUNT_TOKEN);
  try {
    await pairInstance({
      url: gateway.url,
      token: ACCOUNT_TOKEN,
      watcher,
      sim,
      id,
      phone: GATEWAY_PHONE,
      timeoutMs: 120_000,
    });
  } finally {
    await watcher.close();
  }
  return { gateway, id };
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || Number.isNaN(value) ? "n/a" : value.toFixed(digits);

function report(bursts: Burst[], loadBefore: number): string {
  const lines = [
    "| run | kind | target | messages | ms | msgs/s | acked ms | client CPU ms/msg | main thread ms/msg | simulator CPU ms/msg | stored | events |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  bursts.forEach((b, index) => {
    lines.push(
      `| ${index + 1} | ${b.kind} | ${b.target}${b.subscription ? ` (${b.subscription})` : ""} | ${b.count} | ${b.ms.toFixed(0)} | ${((1000 * b.count) / b.ms).toFixed(0)} | ` +
        `${b.ackMs.toFixed(0)} | ${fixed(b.clientCpuMs / b.count, 3)} | ${fixed(b.mainCpuMs / b.count, 3)} | ` +
        `${fixed(b.simCpuMs / b.count, 3)} | ` +
        `${b.stored ?? "–"} | ${b.events ?? "–"}${b.subscriptionError ? " (dropped)" : ""} |`,
    );
  });
  lines.push(
    "",
    "| runs | kind | subscription | gateway/bare msgs/s | gateway/bare client CPU per msg | gateway/bare main thread per msg |",
    "| --- | --- | --- | ---: | ---: | ---: |",
  );
  // Pairs show the spread; the summary divides total times, which a single slow bare burst
  // (they vary by ±20 % here) moves less than it moves the mean of pair ratios.
  const totals = new Map<string, { bare: number; gateway: number; pairs: number[] }>();
  bursts.forEach((gateway, index) => {
    const bare = gateway.bare;
    if (!bare) return;
    const ratio = bare.ms / gateway.ms;
    const key = `${gateway.kind} | ${gateway.subscription}`;
    const total = totals.get(key) ?? { bare: 0, gateway: 0, pairs: [] };
    total.bare += bare.ms;
    total.gateway += gateway.ms;
    total.pairs.push(ratio);
    totals.set(key, total);
    const cpu = gateway.clientCpuMs / gateway.count / (bare.clientCpuMs / bare.count);
    const main = gateway.mainCpuMs / gateway.count / (bare.mainCpuMs / bare.count);
    lines.push(
      `| ${bursts.indexOf(bare) + 1}/${index + 1} | ${key} | ${(100 * ratio).toFixed(0)} % | ${cpu.toFixed(2)} | ${main.toFixed(2)} |`,
    );
  });
  lines.push(
    "",
    "| kind | subscription | gateway/bare msgs/s (total times) | pairs: mean | pairs: range |",
    "| --- | --- | ---: | ---: | ---: |",
  );
  for (const [key, total] of totals) {
    const mean = total.pairs.reduce((sum, value) => sum + value, 0) / total.pairs.length;
    const percent = (value: number) => `${(100 * value).toFixed(0)} %`;
    lines.push(
      `| ${key} | ${percent(total.bare / total.gateway)} | ${percent(mean)} | ` +
        `${percent(Math.min(...total.pairs))}–${percent(Math.max(...total.pairs))} |`,
    );
  }
  const dropped = bursts.filter((b) => b.subscriptionError);
  if (dropped.length > 0) {
    lines.push("", `Subscription ended early in ${dropped.length} burst(s): ${dropped[0].subscriptionError}`);
  }
  const cpu = cpus();
  lines.push(
    "",
    gatewayModeLine(),
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
    `Date: ${new Date().toISOString()}`,
    `Command: BENCH_PLAIN=${PLAIN} BENCH_SIGNAL=${SIGNAL} BENCH_REPEATS=${REPEATS} BENCH_SUBSCRIPTION=${SUBSCRIPTION} ` +
      `BENCH_BARE_CONNECT_TIMEOUT_MS=${process.env.BENCH_BARE_CONNECT_TIMEOUT_MS ?? "20000"} BENCH_GATEWAY=${gatewayMode} npm run bench:inbound`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const sim = await startSimulator();
  const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-inbound-"));
  const bare = await forkChild(
    "bench/support/bare-inbound.ts",
    { BENCH_SIM_URL: sim.url, BENCH_SIM_CONTROL: sim.control, BENCH_PHONE: BARE_PHONE },
    "bare",
  );
  let gateway: GatewayProcess | undefined;
  try {
    await bare.next("ready", 120_000);
    const started = await startGateway(sim, dir);
    gateway = started.gateway;
    const running = gateway;
    // The phone's history sync and the first key exchanges happen right after pairing.
    await sleep(3000);
    // One full-size burst of each kind first: bare Baileys reaches its steady speed within a
    // burst or two, the gateway (more code to compile) later, and cold first pairs flatter it.
    console.error(`warm-up: ${PLAIN} plaintext and ${SIGNAL} Signal messages to each`);
    for (const kind of ["plaintext", "signal"] as const) {
      const count = kind === "plaintext" ? PLAIN : SIGNAL;
      await bareBurst(sim, bare, kind, count);
      for (const mode of MODES) await gatewayBurst(sim, running, started.id, kind, count, mode);
    }
    const bursts: Burst[] = [];
    for (const kind of ["plaintext", "signal"] as const) {
      const count = kind === "plaintext" ? PLAIN : SIGNAL;
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        console.error(`run ${bursts.length + 1}: ${count} ${kind} messages to bare`);
        const bareRun = await bareBurst(sim, bare, kind, count);
        bursts.push(bareRun);
        await sleep(1000);
        // Alternate which subscription goes first, so neither always runs right after bare.
        for (const mode of repeat % 2 === 0 ? MODES : [...MODES].reverse()) {
          console.error(`run ${bursts.length + 1}: ${count} ${kind} messages to gateway (${mode})`);
          bursts.push({
            ...(await gatewayBurst(sim, running, started.id, kind, count, mode)),
            bare: bareRun,
          });
          await sleep(1000);
        }
      }
    }
    console.log(`\n${report(bursts, loadBefore)}`);
  } finally {
    await gateway?.stop();
    await bare.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
