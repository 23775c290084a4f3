/**
 * Child process of bench:inbound: one bare Baileys socket (in-memory auth state) that
 * counts the messages of `messages.upsert`. Started with fork() (IPC).
 *
 * Env: BENCH_SIM_URL, BENCH_SIM_CONTROL, BENCH_PHONE. Messages: it sends `ready` once open;
 * on `expect` ({ count }) it answers `armed`, then `done` ({ count, cpuMs }) once that many more messages
 * came in.
 */
import { openBare } from "./bare-socket.ts";
import { memoryAuthState } from "./memory-auth.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const send = (message: Record<string, unknown>) => process.send?.(message);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function main(): Promise<void> {
  const target = { url: env("BENCH_SIM_URL"), control: env("BENCH_SIM_CONTROL"), phone: env("BENCH_PHONE") };
  const sock = await openBare(memoryAuthState(), target, 120_000);
  let received = 0;
  let goal = Number.POSITIVE_INFINITY;
  let cpuAtStart = 0;
  sock.ev.on("messages.upsert", ({ messages }) => {
    for (const message of messages) if (!message.key.fromMe) received++;
    if (received >= goal) {
      goal = Number.POSITIVE_INFINITY;
      send({ type: "done", count: received, cpuMs: cpuMs() - cpuAtStart });
    }
  });
  process.on("message", (message: { type: string; count?: number }) => {
    if (message.type !== "expect") return;
    received = 0;
    goal = message.count ?? 0;
    cpuAtStart = cpuMs();
    send({ type: "armed" });
  });
  sock.ev.on("connection.update", (update) => {
    if (update.connection === "close") send({ type: "error", message: "the socket closed" });
  });
  send({ type: "ready" });
}

main().catch((error) => {
  send({ type: "error", message: String(error?.stack ?? error) });
  process.exit(1);
});
// A clean exit on SIGTERM, so Node options such as --cpu-prof can write their output.
process.once("SIGTERM", () => process.exit(0));
