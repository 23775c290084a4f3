/** Small helpers shared by the benchmark scripts and their child processes. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PoolResult {
  done: number;
  failed: number;
  /** Attempts that failed and were tried again. */
  retried: number;
  ms: number;
  errors: string[];
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight, each retried up to
 * `retries` times. Stops starting new tasks after `deadlineMs`; calls `progress` every
 * `progressMs` while it runs.
 */
export async function pool(options: {
  count: number;
  concurrency: number;
  retries?: number;
  deadlineMs: number;
  progressMs?: number;
  task: (index: number, attempt: number) => Promise<void>;
  progress?: (done: number, failed: number, elapsedMs: number) => void;
}): Promise<PoolResult> {
  const started = performance.now();
  const errors: string[] = [];
  let next = 0;
  let done = 0;
  let failed = 0;
  let retried = 0;
  const ticker = setInterval(
    () => options.progress?.(done, failed, performance.now() - started),
    options.progressMs ?? 5000,
  );
  const worker = async () => {
    while (next < options.count && performance.now() - started < options.deadlineMs) {
      const index = next++;
      for (let attempt = 0; ; attempt++) {
        try {
          await options.task(index, attempt);
          done++;
          break;
        } catch (error) {
          if (attempt < (options.retries ?? 0)) {
            retried++;
            if (errors.length < 20) errors.push(`#${index} (retried): ${(error as Error).message}`);
            continue;
          }
          failed++;
          if (errors.length < 20) errors.push(`#${index}: ${(error as Error).message}`);
          break;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  } finally {
    clearInterval(ticker);
  }
  return { done, failed, retried, ms: performance.now() - started, errors };
}

/** Memory of this process after full garbage collections (needs --expose-gc). */
export async function settledMemory(settleMs: number): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  await sleep(settleMs);
  gc();
  gc();
  return process.memoryUsage();
}
