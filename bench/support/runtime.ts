/**
 * How a benchmark runs the gateway and the bare Baileys process it is compared with.
 *
 * BENCH_GATEWAY=dist (the default) runs compiled JavaScript with plain Node, as `npm start`
 * and the Docker image do: the gateway from dist/ (`npm run build`), the bench's own child
 * scripts and preloads from tmp/bench-build/ (bench/tsconfig.build.json). BENCH_GATEWAY=tsx
 * runs the TypeScript source through tsx, which turns source maps on. Both sides of a
 * comparison run the same way, so a gateway/bare ratio compares the code and not the
 * loader. The simulator always runs through tsx: it is measured only as load.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export type GatewayMode = "dist" | "tsx";

export const gatewayMode: GatewayMode = modeOf(process.env.BENCH_GATEWAY);

function modeOf(value: string | undefined): GatewayMode {
  if (value === undefined || value === "" || value === "dist") return "dist";
  if (value === "tsx") return "tsx";
  throw new Error(`BENCH_GATEWAY must be dist or tsx, not ${JSON.stringify(value)}`);
}

/** One line for a report: what ran the gateway. */
export function gatewayModeLine(): string {
  return gatewayMode === "dist"
    ? "Gateway: node dist/main.js (compiled JavaScript, no source maps); bench child processes compiled too"
    : "Gateway: node --import tsx src/main.ts (TypeScript through tsx, source maps on); bench child processes too";
}

let built: Promise<void> | undefined;

/** Builds the gateway and the bench scripts once per run, so a stale build is never measured. */
function buildOnce(): Promise<void> {
  built ??= (async () => {
    const run = promisify(execFile);
    await run("npm", ["run", "build", "--silent"]);
    await run(process.execPath, ["node_modules/typescript/bin/tsc", "-b", "bench/tsconfig.build.json"]);
  })();
  return built;
}

/**
 * `node` arguments that run `entry` after importing each of `preloads` (TypeScript paths from
 * the project root: `src/main.ts` or `bench/...`), as the mode says.
 */
export async function nodeArgs(entry: string, preloads: string[] = []): Promise<string[]> {
  if (gatewayMode === "tsx") {
    return ["--import", "tsx", ...preloads.flatMap((file) => ["--import", `./${file}`]), entry];
  }
  await buildOnce();
  return [...preloads.flatMap((file) => ["--import", `./${compiled(file)}`]), compiled(entry)];
}

function compiled(file: string): string {
  if (file === "src/main.ts") return "dist/main.js";
  if (!file.startsWith("bench/")) throw new Error(`no compiled form of ${file}`);
  return `tmp/bench-build/${file.replace(/\.ts$/, ".js")}`;
}
