import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.ts";
import { PrismaClient } from "../generated/sqlite/client.ts";

export { PrismaClient };
export type DatabaseProvider = "sqlite" | "postgresql";

export interface Database {
  prisma: PrismaClient;
  provider: DatabaseProvider;
  /** SQL statements sent since start; tests and benchmarks read it to prove batching. */
  statementCount(): number;
  close(): Promise<void>;
}

export function providerOf(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Absolute path of a `file:` URL's database, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  return resolve(url.slice("file:".length));
}

/**
 * Creates the Prisma client for the provider named by the URL. Both generated clients
 * come from the same models, so the SQLite client's types describe either one.
 */
export async function createDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  let statements = 0;
  const options = { log: [{ emit: "event" as const, level: "query" as const }] };
  let prisma: PrismaClient;
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
    prisma = new PrismaClient({ adapter, ...options });
  } else {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    prisma = new PostgresClient({ adapter, ...options }) as unknown as PrismaClient;
  }
  if (provider === "sqlite") {
    // WAL with NORMAL sync: a commit no longer waits for several fsyncs, which made every
    // engine write cost milliseconds of blocked event loop. Durable across process crashes.
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  (prisma as unknown as { $on(event: "query", cb: () => void): void }).$on("query", () => {
    statements += 1;
  });
  return {
    prisma,
    provider,
    statementCount: () => statements,
    close: () => prisma.$disconnect(),
  };
}
