import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretsKeyEnv } from "../support/app.ts";
import { freshDatabase } from "../support/database.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist");

/**
 * What `npm start` and the Docker image run: the build in dist/, started by plain Node (no
 * tsx, no source maps) from another working directory, on a fresh database.
 */
describe("the compiled gateway", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const cwd = mkdtempSync(join(tmpdir(), "wagraph-compiled-"));

  beforeAll(async () => {
    await promisify(execFile)("npm", ["run", "build", "--silent"], { cwd: root });
    database = await freshDatabase();
  }, 300_000);

  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("is JavaScript without source maps", () => {
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" });
    expect(files).toContain("main.js");
    expect(files).toContain(join("generated", "sqlite", "client.js"));
    expect(files.filter((file) => /\.(ts|map)$/.test(file))).toEqual([]);
    const main = readFileSync(join(dist, "main.js"), "utf8");
    expect(main).toContain('from "./app.js"');
    expect(main).not.toContain("sourceMappingURL");
  });

  it("starts with node dist/main.js, answers GraphQL with the printed token and stops on SIGTERM", async () => {
    const gateway = startLogged(process.execPath, [join(dist, "main.js")], cwd, gatewayEnv(database.url));
    try {
      const listening = await gateway.logLine((line) => line.msg === "wagraph listening");
      const token = await gateway.printed(/Account token \(shown once, keep it\): (\S+)/);
      const base = String(listening.graphql).replace(/\/graphql$/, "");
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // Pages and documents served from what the build put in dist/ (or what it imports).
      for (const path of ["/graphql", "/openapi.json", "/instances/compiled/connect"]) {
        const page = await fetch(`${base}${path}`, { headers: { accept: "text/html" } });
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
      }

      const created = await graphql(
        base,
        token,
        'mutation { createInstance(input: { name: "compiled" }) { __typename } }',
      );
      expect(created).toEqual({ data: { createInstance: { __typename: "InstanceWithToken" } } });
      const listed = await graphql(
        base,
        token,
        "{ instances(first: 5) { totalCount edges { node { name } } } }",
      );
      expect(listed).toEqual({
        data: { instances: { totalCount: 1, edges: [{ node: { name: "compiled" } }] } },
      });

      gateway.child.kill("SIGTERM");
      const [code, signal] = await gateway.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(gateway.logLines().some((line) => line.msg === "shutting down")).toBe(true);
      expect(gateway.logLines().filter((line) => Number(line.level) >= 50)).toEqual([]);
      const endOfLife = gateway.logLines().filter((line) => line.msg?.toString().includes("end of life"));
      const major = Number(process.versions.node.split(".")[0]);
      expect(endOfLife.length).toBe(major < 22 ? 1 : 0);
    } finally {
      gateway.killAll();
    }
  });

  it("runs under npm start, which builds first and passes SIGTERM on to the gateway", async () => {
    const second = await freshDatabase();
    const npm = startLogged("npm", ["start"], root, {
      ...gatewayEnv(second.url),
      ACCOUNT_TOKEN: "compiled-gateway-token-0123456789",
    });
    try {
      const listening = await npm.logLine((line) => line.msg === "wagraph listening");
      const base = String(listening.graphql).replace(/\/graphql$/, "");
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(npm.output()).toContain("> tsc -b tsconfig.build.json");

      npm.child.kill("SIGTERM");
      await npm.exited;
      // Output ends once every process writing it is gone: npm and the gateway it started.
      await npm.outputClosed(15_000);
      expect(npm.logLines().some((line) => line.msg === "shutting down")).toBe(true);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      npm.killAll();
      await second.drop();
    }
  });
});

/** A minimal environment: what the gateway needs, plus the Node options CI runs it with. */
function gatewayEnv(databaseUrl: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    ...secretsKeyEnv(databaseUrl),
    LOG_LEVEL: "info",
  };
}

/**
 * A process in its own process group (so whatever it starts can be killed with it), whose
 * stdout is kept, with helpers that wait for its JSON log lines.
 */
function startLogged(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let outputOpen = true;
  child.stdout!.once("close", () => {
    outputOpen = false;
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const logLines = (): Record<string, unknown>[] =>
    stdout
      .split("\n")
      .slice(0, -1)
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
  /** Waits up to 30 s for something on stdout; fails with the output if the process ends first. */
  async function waitFor<T>(find: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`not found (exit code ${child.exitCode}):\n${stdout}\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    child,
    exited,
    logLines,
    logLine: (match: (line: Record<string, any>) => boolean) => waitFor(() => logLines().find(match)),
    printed: (pattern: RegExp) => waitFor(() => pattern.exec(stdout)?.[1]),
    output: () => stdout,
    async outputClosed(ms: number): Promise<void> {
      const deadline = Date.now() + ms;
      while (outputOpen) {
        if (Date.now() > deadline) throw new Error(`output still open after ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    killAll: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}

async function graphql(base: string, token: string, query: string): Promise<unknown> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}
