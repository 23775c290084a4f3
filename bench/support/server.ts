import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { nodeArgs } from "./runtime.ts";

/** One key for every gateway of a run (PostgreSQL requires one; restarts must reuse it). */
const SECRETS_KEY = process.env.SECRETS_KEY || randomBytes(32).toString("base64");

export interface BenchDatabases {
  kind: "sqlite" | "postgresql";
  /** For the gateway under load. */
  server: string;
  /** For the in-process gateway that counts SQL statements. */
  counting: string;
  drop(): Promise<void>;
}

/**
 * Two empty databases: SQLite files in a temporary directory, or, when `postgresUrl` is
 * given, two new databases on that PostgreSQL server (the role needs CREATEDB).
 */
export async function benchDatabases(postgresUrl?: string): Promise<BenchDatabases> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-"));
    return {
      kind: "sqlite",
      server: `file:${join(dir, "bench.db")}`,
      counting: `file:${join(dir, "counting.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new Error("BENCH_DATABASE_URL must be a postgresql:// URL");
  }
  const prefix = `wagraph_bench_${randomBytes(4).toString("hex")}`;
  const names = [`${prefix}_server`, `${prefix}_counting`];
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(names.map((name) => `CREATE DATABASE ${name}`));
  const urlOf = (name: string) => {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    kind: "postgresql",
    server: urlOf(names[0]),
    counting: urlOf(names[1]),
    drop: () => admin(names.map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ChildGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A gateway child process that answered /readyz; killed if this process exits first. */
export interface SpawnedGateway {
  child: ChildProcess;
  url: string;
  /** Removes the kill-on-exit hook (call it when stopping the child). */
  release(): void;
}

/** Spawns `node <args>` on a free loopback port and waits up to 60 s for /readyz. */
export async function spawnGateway(args: string[], env: Record<string, string>): Promise<SpawnedGateway> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, SECRETS_KEY, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("gateway not ready after 60 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, release: () => process.off("exit", killOnExit) };
}

/** The gateway in its own Node process (see runtime.ts), ready once /readyz answers. */
export async function startChildGateway(env: Record<string, string>): Promise<ChildGateway> {
  const { child, url, release } = await spawnGateway(await nodeArgs("src/main.ts"), env);
  return {
    url,
    pid: child.pid!,
    async stop() {
      release();
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** The gateway in this process, so its statement counter can be read. */
export async function startInProcessGateway(
  databaseUrl: string,
  accountToken: string,
  env: Record<string, string> = {},
): Promise<{ app: App; url: string }> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    ACCOUNT_TOKEN: accountToken,
    SECRETS_KEY,
    LOG_LEVEL: "warn",
    ...env,
  });
  const app = await createApp(config, createLogger(config.LOG_LEVEL));
  return { app, url: await app.listen() };
}

/** User plus system CPU time of a process in ms, from /proc (Linux); null elsewhere. */
/** CPU time of a process's main thread alone (its JavaScript), without GC and other helper threads. */
export function mainThreadCpuMs(pid: number): number | null {
  return cpuTimeMs(pid, `/proc/${pid}/task/${pid}/stat`);
}

export function cpuTimeMs(pid: number, path = `/proc/${pid}/stat`): number | null {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat(5) (utime, stime), counted after the command name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}
