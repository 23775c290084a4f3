/**
 * bench:instances — N WhatsApp sessions open at once: bare Baileys against the gateway.
 *
 * The WhatsApp simulator runs in its own process (test/support/simulator/main.ts).
 * (a) Bare: one child process opens N Baileys sockets with in-memory auth states, pairs each
 *     through the simulator's control API (at most BENCH_PAIR_CONCURRENCY in flight), and
 *     reports the time to open all and its memory after a settle, against the same process
 *     before the first socket. Then it closes them all and logs them in again.
 * (b) Gateway: the gateway (compiled or through tsx, see support/runtime.ts) as a child process on a fresh SQLite database; N instances made
 *     with createInstance, then connectInstance, the QR from `nodes(ids:) { qrcode }` scanned
 *     through the control API, until `connection: open`, with the same bound. Its memory
 *     comes from a bench-only preload (bench/support/memory-probe.ts), plus a heap snapshot.
 * (c) Restart: the gateway is stopped and started again on the same database; time until
 *     `instances(filter: { connection: open }) { totalCount }` is N.
 *
 * Env: BENCH_INSTANCES (default 1000), BENCH_PAIR_CONCURRENCY (30), BENCH_SETTLE_MS (5000),
 * BENCH_BARE_CONNECT_TIMEOUT_MS (20000, Baileys' default; the gateway runs with 0),
 * BENCH_GATEWAY (`dist`, the default, or `tsx`; see support/runtime.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "../src/db/client.ts";
import { forkChild } from "./support/child.ts";
import { type GatewayMemory, type GatewayProcess, startGatewayProcess } from "./support/gateway.ts";
import { createInstances, InstanceWatcher, openCount, pairInstance } from "./support/gateway-pairing.ts";
import { type HeapSummary, summarizeHeapSnapshot } from "./support/heap-summary.ts";
import { pool, sleep } from "./support/pool.ts";
import { gatewayMode, gatewayModeLine } from "./support/runtime.ts";
import { cpuTimeMs } from "./support/server.ts";
import { type SimulatorProcess, startSimulator } from "./support/simulator.ts";

const N = Number(process.env.BENCH_INSTANCES ?? "1000");
const CONCURRENCY = Number(process.env.BENCH_PAIR_CONCURRENCY ?? "30");
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? "5000");
/** The gateway's default WA_RESTORE_CONCURRENCY; the bare reconnect uses the same. */
const RESTORE_CONCURRENCY = 20;
const ACCOUNT_TOKEN = "bench-account-token-0123456789";
const PHASE_LIMIT_MS = 30 * 60_000;

type Memory = Pick<NodeJS.MemoryUsage, "rss" | "heapUsed" | "external" | "arrayBuffers">;

interface Figures {
  openMs: number;
  openCpuMs: number;
  simCpuMs: number;
  before: Memory;
  after: Memory;
  reopenMs: number;
  reopenCpuMs: number;
  /** After all were closed and opened again (gateway: after the restart). */
  reopened: Memory;
  /** Pairings that failed once and were tried again, with the first errors. */
  retries: number;
  retryErrors: string[];
}

const phoneOf = (prefix: string, index: number) => `${prefix}${String(index).padStart(6, "0")}`;
const simCpu = async (sim: SimulatorProcess) => (await sim.call<{ cpuMs: number }>("GET", "/stats")).cpuMs;
const cpuOf = (pid: number) => cpuTimeMs(pid) ?? Number.NaN;

async function bare(sim: SimulatorProcess): Promise<Figures> {
  console.error(`(a) bare Baileys: ${N} sockets in one process, ${CONCURRENCY} pairings in flight`);
  const simBefore = await simCpu(sim);
  const child = await forkChild(
    "bench/support/bare-instances.ts",
    {
      BENCH_SIM_URL: sim.url,
      BENCH_SIM_CONTROL: sim.control,
      BENCH_COUNT: String(N),
      BENCH_CONCURRENCY: String(CONCURRENCY),
      BENCH_RECONNECT_CONCURRENCY: String(RESTORE_CONCURRENCY),
      BENCH_PHONE_PREFIX: "1555",
      BENCH_SETTLE_MS: String(SETTLE_MS),
    },
    "bare",
  );
  try {
    const result = await child.next("result", 2 * PHASE_LIMIT_MS);
    if (result.reconnected !== N) throw new Error(`bare reconnect: ${result.reconnectErrors.join("; ")}`);
    if (result.stillOpen !== N) console.error(`  warning: only ${result.stillOpen} bare sockets still open`);
    return {
      openMs: result.pairMs,
      openCpuMs: result.pairCpuMs,
      simCpuMs: (await simCpu(sim)) - simBefore,
      before: result.before,
      after: result.after,
      reopenMs: result.reconnectMs,
      reopenCpuMs: result.reconnectCpuMs,
      reopened: result.afterReconnect,
      retries: result.pairRetries + result.reconnectRetries,
      retryErrors: result.pairErrors,
    };
  } finally {
    await child.stop();
  }
}

/** Polls until `count` instances are open; returns ms since `from` (performance.now()). */
async function waitAllOpen(gateway: GatewayProcess, count: number, from: number): Promise<number> {
  let lastPrint = performance.now();
  for (;;) {
    const open = await openCount(gateway.url, ACCOUNT_TOKEN);
    const now = performance.now();
    if (open >= count) return now - from;
    if (now - from > PHASE_LIMIT_MS) throw new Error(`only ${open} of ${count} open after restart`);
    if (now - lastPrint > 5000) {
      console.error(`  gateway restore: ${open} open, ${((now - from) / 1000).toFixed(1)} s`);
      lastPrint = now;
    }
    await sleep(250);
  }
}

interface GatewayFigures extends Figures {
  heap: HeapSummary;
  snapshotMs: number;
  stop: { ms: number; code: number | null };
  rowsAfterStop: Record<string, number>;
  authKeysPerInstance: number;
  readyMs: number;
  restoredAfter: GatewayMemory;
}

async function gateway(sim: SimulatorProcess): Promise<GatewayFigures> {
  console.error(`(b) gateway: ${N} instances, ${CONCURRENCY} pairings in flight`);
  const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-instances-"));
  const databaseUrl = `file:${join(dir, "gateway.db")}`;
  const env = {
    DATABASE_URL: databaseUrl,
    ACCOUNT_TOKEN,
    LOG_LEVEL: "warn",
    WA_LOG_LEVEL: "silent",
    WA_WS_URL: sim.url,
  };
  let server = await startGatewayProcess(env);
  try {
    const ids = await createInstances(server.url, ACCOUNT_TOKEN, N);
    const before = await server.memory(SETTLE_MS);
    const [cpuBefore, simBefore] = [cpuOf(server.pid), await simCpu(sim)];
    const watcher = new InstanceWatcher(server.url, ACCOUNT_TOKEN);
    const running = server;
    const paired = await pool({
      count: N,
      concurrency: CONCURRENCY,
      retries: 2,
      deadlineMs: PHASE_LIMIT_MS,
      task: (index) =>
        pairInstance({
          url: running.url,
          token: ACCOUNT_TOKEN,
          watcher,
          sim,
          id: ids[index],
          phone: phoneOf("1666", index),
          timeoutMs: 180_000,
        }),
      progress: (done, failed, ms) =>
        console.error(`  gateway pair: ${done} done, ${failed} failed, ${(ms / 1000).toFixed(1)} s`),
    });
    await watcher.close();
    const openCpuMs = cpuOf(server.pid) - cpuBefore;
    const simCpuMs = (await simCpu(sim)) - simBefore;
    if (paired.done < N)
      throw new Error(`gateway pairing: ${paired.done} of ${N}; ${paired.errors.join("; ")}`);
    const after = await server.memory(SETTLE_MS);
    const open = await openCount(server.url, ACCOUNT_TOKEN);
    if (open !== N) console.error(`  warning: ${open} of ${N} instances open after the settle`);
    console.error("  heap snapshot of the gateway");
    const snapshot = await server.memory(0, true);
    const heap = await summarizeHeapSnapshot(snapshot.snapshot as string);
    rmSync(snapshot.snapshot as string, { force: true });

    console.error("(c) restart: stopping the gateway");
    const stop = await server.stop();
    const db = await createDatabase(databaseUrl);
    const rows = await db.prisma.instance.groupBy({ by: ["connection"], _count: { _all: true } });
    const rowsAfterStop = Object.fromEntries(rows.map((row) => [row.connection, row._count._all]));
    const authKeysPerInstance = (await db.prisma.authKey.count()) / N;
    await db.close();
    server = await startGatewayProcess(env);
    const reopenCpu = cpuOf(server.pid);
    const reopenMs = await waitAllOpen(server, N, server.spawnedAt);
    const reopenCpuMs = cpuOf(server.pid) - reopenCpu;
    const restoredAfter = await server.memory(SETTLE_MS);
    return {
      openMs: paired.ms,
      openCpuMs,
      simCpuMs,
      before: before.memory,
      after: after.memory,
      reopenMs,
      reopenCpuMs,
      reopened: restoredAfter.memory,
      retries: paired.retried,
      retryErrors: paired.errors,
      heap,
      snapshotMs: snapshot.snapshotMs ?? Number.NaN,
      stop,
      rowsAfterStop,
      authKeysPerInstance,
      readyMs: server.readyAt - server.spawnedAt,
      restoredAfter,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const kb = (bytes: number) => (bytes / 1e3).toFixed(0);
const per = (figures: Figures, key: keyof Memory, at: "after" | "reopened" = "after") =>
  (figures[at][key] - figures.before[key]) / N;

function report(b: Figures, g: GatewayFigures, loadBefore: number): string {
  const row = (label: string, bare: number, gw: number, unit: (v: number) => string) =>
    `| ${label} | ${unit(bare)} | ${unit(gw)} | ${(gw / bare).toFixed(2)} |`;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const fixed0 = (value: number) => value.toFixed(0);
  const lines = [
    `| ${N} instances | bare Baileys | gateway | gateway/bare |`,
    "| --- | ---: | ---: | ---: |",
    row(`time to open all, s (pairing, ${CONCURRENCY} in flight)`, b.openMs, g.openMs, seconds),
    row("CPU per paired instance, ms (client process)", b.openCpuMs / N, g.openCpuMs / N, fixed0),
    row("simulator CPU per paired instance, ms", b.simCpuMs / N, g.simCpuMs / N, fixed0),
    row("RSS per open instance, KB (just paired)", per(b, "rss"), per(g, "rss"), kb),
    row("heap used per open instance, KB (just paired)", per(b, "heapUsed"), per(g, "heapUsed"), kb),
    row("external per open instance, KB (just paired)", per(b, "external"), per(g, "external"), kb),
    row(
      `time to reopen all, s (${RESTORE_CONCURRENCY} at a time; gateway: restart)`,
      b.reopenMs,
      g.reopenMs,
      seconds,
    ),
    row("CPU per reopened instance, ms", b.reopenCpuMs / N, g.reopenCpuMs / N, fixed0),
    row("RSS per open instance, KB (reopened)", per(b, "rss", "reopened"), per(g, "rss", "reopened"), kb),
    row(
      "heap used per open instance, KB (reopened)",
      per(b, "heapUsed", "reopened"),
      per(g, "heapUsed", "reopened"),
      kb,
    ),
    "",
    "| process memory, MB | bare before | bare paired | bare reopened | gateway before | gateway paired | gateway restarted |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const key of ["rss", "heapUsed", "external", "arrayBuffers"] as const) {
    lines.push(
      `| ${key} | ${mb(b.before[key])} | ${mb(b.after[key])} | ${mb(b.reopened[key])} | ${mb(g.before[key])} | ${mb(g.after[key])} | ${mb(g.reopened[key])} |`,
    );
  }
  lines.push(
    "",
    `Gateway heap snapshot with ${N} open (${g.heap.nodes} nodes, ${mb(g.heap.totalSelfSize)} MB self size, written in ${seconds(g.snapshotMs)} s), top 15 by self size:`,
    "",
    "| constructor / kind | count | self MB | per instance KB | share |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...g.heap.byConstructor.map(
      (group) =>
        `| ${group.name.replaceAll("|", "\\|")} | ${group.count} | ${mb(group.selfSize)} | ${kb(group.selfSize / N)} | ${((100 * group.selfSize) / g.heap.totalSelfSize).toFixed(1)} % |`,
    ),
    "",
    `By kind: ${g.heap.byKind.map((k) => `${k.name} ${mb(k.selfSize)} MB`).join(", ")}`,
    "",
    `Gateway stop: ${seconds(g.stop.ms)} s, exit code ${g.stop.code}; instance rows by connection after the stop: ${JSON.stringify(g.rowsAfterStop)}`,
    `Stored signal keys per instance: ${g.authKeysPerInstance.toFixed(0)}; restarted gateway ready (/readyz) ${seconds(g.readyMs)} s after spawn; reopen time counted from spawn`,
    `Pairings retried: bare ${b.retries}, gateway ${g.retries}${[...b.retryErrors, ...g.retryErrors]
      .slice(0, 3)
      .map((e) => `; ${e}`)
      .join("")}`,
    `VmRSS / VmHWM of the gateway with ${N} open: ${mb(g.restoredAfter.vmRss)} / ${mb(g.restoredAfter.vmHwm)} MB (after restart)`,
  );
  const cpu = cpus();
  lines.push(
    "",
    gatewayModeLine(),
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
    `Date: ${new Date().toISOString()}`,
    `Command: BENCH_INSTANCES=${N} BENCH_PAIR_CONCURRENCY=${CONCURRENCY} BENCH_GATEWAY=${gatewayMode} npm run bench:instances`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 1) throw new Error("BENCH_INSTANCES must be a positive integer");
  const loadBefore = loadavg()[0];
  const sim = await startSimulator();
  try {
    const b = await bare(sim);
    const g = await gateway(sim);
    console.log(`\n${report(b, g, loadBefore)}`);
  } finally {
    await sim.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
