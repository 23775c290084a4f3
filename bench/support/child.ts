import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { nodeArgs } from "./runtime.ts";

export type ChildMessage = { type: string } & Record<string, any>;

/** A benchmark helper script in its own Node process, talking over the IPC channel. */
export interface BenchChild {
  pid: number;
  send(message: ChildMessage): void;
  /** The next message of that type (messages of other types are dropped once read past). */
  next(type: string, timeoutMs: number): Promise<ChildMessage>;
  stop(): Promise<void>;
}

/**
 * Forks `script` (bench/..., run as runtime.ts says) with --expose-gc. Messages of type `progress` are printed; `error` rejects every pending `next`.
 */
export async function forkChild(
  script: string,
  env: Record<string, string>,
  label: string,
): Promise<BenchChild> {
  // Extra Node options for the bare Baileys process, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const extra = process.env.BENCH_BARE_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const args = await nodeArgs(script, []);
  const child: ChildProcess = fork(args.at(-1)!, [], {
    execArgv: [...extra, "--expose-gc", ...args.slice(0, -1)],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const inbox: ChildMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  child.on("message", (message: ChildMessage) => {
    if (message.type === "progress") {
      const { phase, done, failed, ms } = message;
      console.error(`  ${label} ${phase}: ${done} done, ${failed} failed, ${(ms / 1000).toFixed(1)} s`);
      return;
    }
    if (message.type === "error") failure = new Error(`${label}: ${message.message}`);
    inbox.push(message);
    wake?.();
  });
  child.on("exit", (code) => {
    failure ??= new Error(`${label} exited with code ${code}`);
    wake?.();
  });
  return {
    pid: child.pid!,
    send: (message) => child.send(message),
    async next(type, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const index = inbox.findIndex((message) => message.type === type);
        if (index >= 0) return inbox.splice(0, index + 1)[index];
        if (failure) throw failure;
        const left = until - Date.now();
        if (left <= 0) throw new Error(`${label}: no ${type} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    },
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
