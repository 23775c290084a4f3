/**
 * Child process of bench:instances: N bare Baileys sockets with in-memory auth states,
 * paired through the simulator's control API and all open at once in this process.
 * Started with fork() (IPC) and --expose-gc; reports progress and the result by IPC.
 *
 * Env: BENCH_SIM_URL, BENCH_SIM_CONTROL, BENCH_COUNT, BENCH_CONCURRENCY,
 * BENCH_RECONNECT_CONCURRENCY, BENCH_PHONE_PREFIX, BENCH_SETTLE_MS.
 */
import type { WASocket } from "@whiskeysockets/baileys";
import { openBare } from "./bare-socket.ts";
import { memoryAuthState } from "./memory-auth.ts";
import { pool, settledMemory } from "./pool.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const SIM_URL = env("BENCH_SIM_URL");
const CONTROL = env("BENCH_SIM_CONTROL");
const COUNT = Number(env("BENCH_COUNT"));
const CONCURRENCY = Number(env("BENCH_CONCURRENCY"));
const RECONNECT_CONCURRENCY = Number(env("BENCH_RECONNECT_CONCURRENCY"));
const PREFIX = env("BENCH_PHONE_PREFIX");
const SETTLE_MS = Number(env("BENCH_SETTLE_MS"));
const INSTANCE_TIMEOUT_MS = 180_000;
const send = (message: Record<string, unknown>) => process.send?.(message);
const phoneOf = (prefix: string, index: number) => `${prefix}${String(index).padStart(6, "0")}`;
const open = (index: number, auth: Parameters<typeof openBare>[0]) =>
  openBare(auth, { url: SIM_URL, control: CONTROL, phone: phoneOf(PREFIX, index) }, INSTANCE_TIMEOUT_MS);

async function main(): Promise<void> {
  const before = await settledMemory(SETTLE_MS);
  send({ type: "baseline", memory: before });
  const auths = Array.from({ length: COUNT }, () => memoryAuthState());
  const sockets: WASocket[] = [];
  const progress = (phase: string) => (done: number, failed: number, ms: number) =>
    send({ type: "progress", phase, done, failed, ms });

  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const pairCpu = cpu();
  const paired = await pool({
    count: COUNT,
    concurrency: CONCURRENCY,
    retries: 2,
    deadlineMs: 30 * 60_000,
    task: async (index) => {
      sockets[index] = await open(index, auths[index]);
    },
    progress: progress("pair"),
  });
  send({ type: "progress", phase: "pair", done: paired.done, failed: paired.failed, ms: paired.ms });
  const pairCpuMs = cpu() - pairCpu;
  if (paired.failed > 0 || paired.done < COUNT)
    throw new Error(`pairing failed: ${paired.errors.join("; ")}`);

  const after = await settledMemory(SETTLE_MS);
  const stillOpen = sockets.filter((sock) => sock.ws.isOpen).length;

  // Close every socket without logging out, then log them all in again with their creds.
  for (const sock of sockets) sock.end(undefined);
  await settledMemory(1000);
  const reconnectCpu = cpu();
  const reopened = await pool({
    count: COUNT,
    concurrency: RECONNECT_CONCURRENCY,
    retries: 2,
    deadlineMs: 30 * 60_000,
    task: async (index) => {
      sockets[index] = await open(index, auths[index]);
    },
    progress: progress("reconnect"),
  });
  const reconnectCpuMs = cpu() - reconnectCpu;
  const afterReconnect = await settledMemory(SETTLE_MS);
  send({
    type: "result",
    count: COUNT,
    pairMs: paired.ms,
    pairRetries: paired.retried,
    pairErrors: paired.errors,
    pairCpuMs,
    stillOpen,
    before,
    after,
    reconnectMs: reopened.ms,
    reconnectCpuMs,
    afterReconnect,
    reconnected: reopened.done,
    reconnectRetries: reopened.retried,
    reconnectErrors: reopened.errors,
  });
  for (const sock of sockets) sock.end(undefined);
}

main().then(
  () => process.exit(0),
  (error) => {
    send({ type: "error", message: String(error?.stack ?? error) });
    process.exit(1);
  },
);
