import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_ROOT_KEY } from "../../test/support/simulator/certificates.ts";
import { sleep } from "./pool.ts";
import { nodeArgs } from "./runtime.ts";
import { spawnGateway } from "./server.ts";

export interface GatewayMemory {
  memory: NodeJS.MemoryUsage;
  /** VmRSS and VmHWM from /proc/<pid>/status, bytes. */
  vmRss: number;
  vmHwm: number;
  snapshot?: string;
  snapshotMs?: number;
}

export interface GatewayProcess {
  url: string;
  pid: number;
  /** performance.now() when the process was spawned and when /readyz first answered. */
  spawnedAt: number;
  readyAt: number;
  /** Full GCs, settleMs of pause, then memoryUsage() from inside the gateway (memory-probe.ts). */
  memory(settleMs: number, snapshot?: boolean): Promise<GatewayMemory>;
  stop(): Promise<{ ms: number; code: number | null }>;
}

/** Bytes of a `Vm…:  123 kB` line of /proc/<pid>/status. */
export function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * The gateway in its own process (see runtime.ts), trusting the simulator's certificate root
 * (its WA_ROOT_PUBLIC_KEY setting), with the memory probe preloaded (a bench-only module).
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  // Extra Node options for the gateway only, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const extra = process.env.BENCH_GATEWAY_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const args = [
    ...extra,
    "--expose-gc",
    ...(await nodeArgs("src/main.ts", ["bench/support/memory-probe.ts"])),
  ];
  const probeDir = mkdtempSync(join(tmpdir(), "wagraph-probe-"));
  const spawnedAt = performance.now();
  const { child, url, release } = await spawnGateway(args, {
    WA_ROOT_PUBLIC_KEY: Buffer.from(TEST_ROOT_KEY.public).toString("base64"),
    ...env,
    BENCH_PROBE_DIR: probeDir,
  });
  const readyAt = performance.now();
  const pid = child.pid!;
  let seq = 0;
  return {
    url,
    pid,
    spawnedAt,
    readyAt,
    async memory(settleMs, snapshot = false) {
      seq += 1;
      writeFileSync(join(probeDir, "request.json"), JSON.stringify({ seq, settleMs, snapshot }));
      child.kill("SIGUSR2");
      const file = join(probeDir, `answer-${seq}.json`);
      const until = Date.now() + settleMs + 600_000;
      while (!existsSync(file)) {
        if (Date.now() > until) throw new Error("the gateway's memory probe did not answer");
        if (child.exitCode !== null) throw new Error(`gateway exited with code ${child.exitCode}`);
        await sleep(100);
      }
      const answer = JSON.parse(readFileSync(file, "utf8"));
      if (answer.error) throw new Error(answer.error);
      return { ...answer, vmRss: procStatus(pid, "VmRSS"), vmHwm: procStatus(pid, "VmHWM") };
    },
    async stop() {
      release();
      const started = performance.now();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(probeDir, { recursive: true, force: true });
      return { ms: performance.now() - started, code: child.exitCode };
    },
  };
}
