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
 * BENCH_WEBHOOKS (set: the webhooks mode instead, see inbound-webhooks.ts), BENCH_BARE_CONNECT_TIMEOUT_MS (Baileys' default 20000 for bare; 0 runs bare without the
 * per-frame send timer, as the gateway does), BENCH_GATEWAY (`dist`, the default: the
 * compiled gateway and bare process; `tsx`: both from TypeScript through tsx, see
 * support/runtime.ts).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { forkChild } from "./support/child.ts";
import type { SubscriptionMode } from "./support/events.ts";
import type { GatewayProcess } from "./support/gateway.ts";
import { BARE_PHONE, type Burst, bareBurst, gatewayBurst, startGateway } from "./support/inbound-bursts.ts";
import { sleep } from "./support/pool.ts";
import { gatewayMode, gatewayModeLine } from "./support/runtime.ts";
import { startSimulator } from "./support/simulator.ts";

const PLAIN = Number(process.env.BENCH_PLAIN ?? "2000");
const SIGNAL = Number(process.env.BENCH_SIGNAL ?? "1000");
const REPEATS = Number(process.env.BENCH_REPEATS ?? "5");
const SUBSCRIPTION = process.env.BENCH_SUBSCRIPTION ?? "both";
const MODES: SubscriptionMode[] =
  SUBSCRIPTION === "both" ? ["events", "batches"] : SUBSCRIPTION === "events" ? ["events"] : ["batches"];
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

const run = process.env.BENCH_WEBHOOKS
  ? import("./inbound-webhooks.ts").then((mode) => mode.runWebhooksMode())
  : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
