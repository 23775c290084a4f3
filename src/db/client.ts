import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";
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
  const count = () => {
    statements += 1;
  };
  let prisma: PrismaClient;
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const adapter = counting(new PrismaBetterSqlite3({ url: file, timeout: 10_000 }), count);
    prisma = new PrismaClient({ adapter });
  } else {
    const adapter = counting(new PrismaPg({ connectionString: url, max: 10 }), count);
    prisma = new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  if (provider === "sqlite") {
    // WAL with NORMAL sync: a commit no longer waits for several fsyncs, which made every
    // engine write cost milliseconds of blocked event loop. Durable across process crashes.
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  return {
    prisma,
    provider,
    statementCount: () => statements,
    close: () => prisma.$disconnect(),
  };
}

/**
 * Counts the statements sent through a driver adapter, in and out of transactions. Counted
 * here rather than with Prisma's query events: those copy and serialize every statement's
 * parameters, which cost the engine's multi-row inserts more than the inserts themselves.
 */
function counting<T extends SqlDriverAdapterFactory>(factory: T, count: () => void): T {
  const counted = <Q extends SqlQueryable>(queryable: Q): Q =>
    new Proxy(queryable, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (...args: unknown[]) => {
            count();
            return value.apply(target, args);
          };
        }
        if (property === "startTransaction") {
          return async (...args: unknown[]) => counted(await value.apply(target, args));
        }
        return value.bind(target);
      },
    });
  return new Proxy(factory, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === "connect") return async () => counted(await target.connect());
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
