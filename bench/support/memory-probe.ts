/**
 * Preload for a benchmarked process (`node --expose-gc --import ./bench/support/memory-probe.ts`)
 * so it can report its own memory without any change to its code. With BENCH_PROBE_DIR set,
 * SIGUSR2 makes it read `<dir>/request.json` ({ seq, settleMs, snapshot }), run full garbage
 * collections around a pause of settleMs, and write `<dir>/answer-<seq>.json` with
 * `process.memoryUsage()` and, when asked, the path of a heap snapshot it wrote.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";

const dir = process.env.BENCH_PROBE_DIR;

interface ProbeRequest {
  seq: number;
  settleMs: number;
  snapshot: boolean;
}

async function answer(): Promise<void> {
  if (!dir) return;
  const request = JSON.parse(readFileSync(join(dir, "request.json"), "utf8")) as ProbeRequest;
  const gc = (globalThis as { gc?: () => void }).gc;
  let result: Record<string, unknown>;
  if (!gc) {
    result = { error: "run with --expose-gc" };
  } else {
    gc();
    await new Promise((resolve) => setTimeout(resolve, request.settleMs));
    gc();
    gc();
    result = { memory: process.memoryUsage() };
    if (request.snapshot) {
      const started = performance.now();
      result.snapshot = writeHeapSnapshot(join(dir, `heap-${request.seq}.heapsnapshot`));
      result.snapshotMs = performance.now() - started;
    }
  }
  const file = join(dir, `answer-${request.seq}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(result));
  renameSync(`${file}.tmp`, file);
}

if (dir) {
  process.on("SIGUSR2", () => {
    answer().catch((error) => console.error("memory probe failed", error));
  });
}
