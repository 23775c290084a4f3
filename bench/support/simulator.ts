import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** The WhatsApp simulator (test/support/simulator/main.ts) in its own process. */
export interface SimulatorProcess {
  /** Baileys' waWebSocketUrl. */
  url: string;
  /** Base URL of the control API. */
  control: string;
  pid: number;
  /** One control API call (JSON in and out); throws on 4xx/5xx. */
  call<T = Record<string, unknown>>(method: "GET" | "POST", path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startSimulator(env: Record<string, string> = {}): Promise<SimulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/support/simulator/main.ts"], {
    env: { ...process.env, SIM_PORT: "0", SIM_CONTROL_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<{ url: string; control: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("simulator not ready after 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`simulator exited with code ${code}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  const { url, control } = await ready;
  // Later stdout lines (if any) go to our stderr.
  lines.on("line", (line) => console.error(`[sim] ${line}`));
  return {
    url,
    control,
    pid: child.pid!,
    async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${control}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(600_000),
      });
      const answer = (await response.json()) as T & { error?: string };
      if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${answer.error ?? ""}`);
      return answer;
    },
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
