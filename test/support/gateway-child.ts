// The real gateway as a child process (src/main.ts through tsx unless told otherwise), for
// tests and benchmarks that kill it or restart it on the same database.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

export interface GatewayChild {
  child: ChildProcess;
  /** Base URL (no /graphql). */
  url: string;
  output(): string;
  /** Resolves with the exit code and signal. */
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the gateway and waits for its "wagraph listening" log line (30 s at most). */
export async function startGatewayChild(
  env: Record<string, string>,
  nodeArgs: string[] = ["--import", "tsx", "src/main.ts"],
): Promise<GatewayChild> {
  const { ACCOUNT_TOKEN: _token, JWT_SECRET: _secret, ...inherited } = process.env;
  const child = spawn(process.execPath, nodeArgs, {
    env: { ...inherited, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", WA_LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  void exited.then(() => process.off("exit", killOnExit));
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!url) {
    const line = stdout.split("\n").find((text) => text.includes('"wagraph listening"'));
    if (line) url = String(JSON.parse(line).graphql).replace(/\/graphql$/, "");
    else if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`gateway did not start (exit code ${child.exitCode}):\n${stdout}\n${stderr}`);
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    url,
    output: () => stdout + stderr,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
