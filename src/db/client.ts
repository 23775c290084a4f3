import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
} from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.ts";
import { PrismaClient } from "../generated/sqlite/client.ts";
import { type DatabaseProvider, parseDatabaseUrl } from "./database-url.ts";
import { makeSqliteFilePrivate } from "./private-files.ts";
import { isRawWrite, renderRawWrite } from "./row-writes.ts";

export { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  provider: DatabaseProvider;
  /** SQL statements sent since start; tests and benchmarks read it to prove batching. */
  statementCount(): number;
  /**
   * Writes in one transaction: row writes (see row-writes.ts) and Prisma operations, in
   * order. Row writes alone skip the ORM and go straight to its driver adapter.
   */
  write(writes: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates the Prisma client for the provider named by the URL. Both generated clients
 * come from the same models, so the SQLite client's types describe either one. `warn`
 * hears of an SQLite file that had to be made private.
 */
export async function createDatabase(
  url: string,
  options: { warn?: (line: string) => void; poolSize?: number } = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const provider = target.provider;
  let statements = 0;
  let connected: SqlDriverAdapter | undefined;
  const hooks: AdapterHooks = {
    count: () => {
      statements += 1;
    },
    connected: (adapter) => {
      connected = adapter;
    },
  };
  let prisma: PrismaClient;
  if (target.provider === "sqlite") {
    for (const line of makeSqliteFilePrivate(target.path)) options.warn?.(line);
    const adapter = instrumented(new PrismaBetterSqlite3({ url: target.path, timeout: 10_000 }), hooks);
    prisma = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  } else {
    const adapter = instrumented(
      new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 }),
      hooks,
    );
    prisma = new PostgresClient({
      adapter,
      transactionOptions: TRANSACTION_OPTIONS,
    }) as unknown as PrismaClient;
  }
  const adapter = async () => {
    if (!connected) await prisma.$connect();
    if (!connected) throw new Error("the database adapter did not connect");
    return connected;
  };
  if (provider === "sqlite") {
    // WAL with NORMAL sync: a commit no longer waits for several fsyncs, which made every
    // engine write cost milliseconds of blocked event loop. Durable across process crashes.
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    // Zeroes what a write frees in the pages it writes anyway (no extra I/O), so a secret
    // stored plain by an older version does not linger in the file once it is sealed.
    await prisma.$queryRawUnsafe("PRAGMA secure_delete = FAST");
  }
  return {
    prisma,
    provider,
    statementCount: () => statements,
    write: async (writes) => {
      if (writes.length === 0) return;
      if (writes.every(isRawWrite)) {
        await transaction(
          await adapter(),
          writes.map((write) => renderRawWrite(provider, write)),
        );
        return;
      }
      await prisma.$transaction(
        writes.map((write) => {
          if (!isRawWrite(write)) return write;
          const { sql, args } = renderRawWrite(provider, write);
          return prisma.$executeRawUnsafe(sql, ...args);
        }) as never,
      );
    },
    close: () => prisma.$disconnect(),
  };
}

/**
 * Runs statements in one transaction on the adapter Prisma itself uses, so it queues behind
 * Prisma's own transactions (SQLite has one connection). The adapter opens the transaction;
 * ending it is the caller's statement, then `commit`/`rollback` hand the connection back.
 */
async function transaction(adapter: SqlDriverAdapter, statements: { sql: string; args: unknown[] }[]) {
  const query = (sql: string, args: unknown[] = []): SqlQuery => ({
    sql,
    args,
    argTypes: args.map(() => ({ scalarType: "unknown", arity: "scalar" })),
  });
  const tx = await adapter.startTransaction();
  try {
    for (const { sql, args } of statements) await tx.executeRaw(query(sql, args));
    await tx.executeRaw(query("COMMIT"));
  } catch (error) {
    await tx.executeRaw(query("ROLLBACK")).catch(() => undefined);
    await tx.rollback();
    throw error;
  }
  await tx.commit();
}

/**
 * A write waits its turn for a connection rather than fail after Prisma's 2 s: hundreds of
 * sessions writing at once (a restart, a takeover) queue on the pool, and a failed engine
 * write loses its rows.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

interface AdapterHooks {
  count(): void;
  connected(adapter: SqlDriverAdapter | undefined): void;
}

/**
 * Counts the statements sent through a driver adapter, in and out of transactions, and
 * remembers the connected adapter for `Database.write`. Counted here rather than with
 * Prisma's query events: those copy and serialize every statement's parameters, which cost
 * the engine's multi-row inserts more than the inserts themselves.
 */
function instrumented<T extends SqlDriverAdapterFactory>(factory: T, hooks: AdapterHooks): T {
  const counted = <Q extends SqlQueryable>(queryable: Q): Q =>
    new Proxy(queryable, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (...args: unknown[]) => {
            hooks.count();
            return value.apply(target, args);
          };
        }
        if (property === "dispose") {
          return () => {
            hooks.connected(undefined);
            return value.apply(target);
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
      if (property === "connect") {
        return async () => {
          const adapter = counted(await target.connect());
          hooks.connected(adapter);
          return adapter;
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
