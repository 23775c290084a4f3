// The bursts of bench:inbound (bench/inbound.ts and its webhooks mode, bench/inbound-webhooks.ts).
import { join } from "node:path";
import type { BenchChild } from "./child.ts";
import { EventCounter, type SubscriptionMode } from "./events.ts";
import { type GatewayProcess, startGatewayProcess } from "./gateway.ts";
import { createInstances, InstanceWatcher, pairInstance } from "./gateway-pairing.ts";
import { sleep } from "./pool.ts";
import { graphql } from "./seed.ts";
import { cpuTimeMs, mainThreadCpuMs } from "./server.ts";
import type { SimulatorProcess } from "./simulator.ts";

export const ACCOUNT_TOKEN = "bench-account-token-0123456789";
export const BARE_PHONE = "15550100001";
export const GATEWAY_PHONE = "15550100002";
export const CONTACTS = { plaintext: "15550109001", signal: "15550109002" } as const;
const BURST_LIMIT_MS = 300_000;
const COUNT_QUERY =
  "query ($id: ID!) { instance(id: $id) { ... on Instance { messages(first: 1) { totalCount } } } }";

export type Kind = keyof typeof CONTACTS;

export interface Burst {
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

/** `stamp`: each text ends with its send time, for latency measurements. */
function send(sim: SimulatorProcess, kind: Kind, to: string, count: number, stamp = false) {
  const body = {
    from: CONTACTS[kind],
    to,
    count,
    encrypt: kind === "signal",
    timeoutMs: BURST_LIMIT_MS,
    stamp,
  };
  return sim.call<{ acked: number }>("POST", "/send", body);
}

export async function bareBurst(
  sim: SimulatorProcess,
  bare: BenchChild,
  kind: Kind,
  count: number,
): Promise<Burst> {
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

export async function gatewayBurst(
  sim: SimulatorProcess,
  gateway: GatewayProcess,
  id: string,
  kind: Kind,
  count: number,
  subscription: SubscriptionMode,
  stamp = false,
): Promise<Burst> {
  const base = await storedCount(gateway, id);
  const events = new EventCounter(gateway.url, ACCOUNT_TOKEN, id, subscription);
  await sleep(500);
  const [cpuBefore, simBefore] = [cpuTimeMs(gateway.pid) ?? Number.NaN, await simCpu(sim)];
  const mainBefore = mainThreadCpuMs(gateway.pid) ?? Number.NaN;
  const started = performance.now();
  let ackMs = Number.NaN;
  const sent = send(sim, kind, GATEWAY_PHONE, count, stamp).then((answer) => {
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

export async function startGateway(
  sim: SimulatorProcess,
  dir: string,
  env: Record<string, string> = {},
): Promise<{ gateway: GatewayProcess; id: string }> {
  const gateway = await startGatewayProcess({
    DATABASE_URL: `file:${join(dir, "gateway.db")}`,
    ACCOUNT_TOKEN,
    LOG_LEVEL: "warn",
    WA_LOG_LEVEL: "silent",
    WA_WS_URL: sim.url,
    ...env,
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
