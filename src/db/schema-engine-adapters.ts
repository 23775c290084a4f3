// Driver adapter factories for the wasm schema engine, with the workarounds adapter-pg and
// adapter-better-sqlite3 7.10.x need when they serve migrations rather than queries.
import { randomUUID } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { redactUrl } from "./database-url.ts";

/** A factory for the engine plus what it takes to release everything it opened. */
export interface EngineConnections {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The last error a driver threw, kept because the engine's message may hide it. */
  lastDriverError(): unknown;
  close(): Promise<void>;
}

/** `path` is absolute or `:memory:`; the caller has made the file private. */
export function sqliteConnections(path: string): EngineConnections {
  const base = new PrismaBetterSqlite3({ url: path, timeout: 10_000 });
  return track(base, {
    connect: () => base.connect(),
    // The shadow database (in memory) gets migration scripts through argument-less
    // executeRaw, which better-sqlite3 refuses for more than one statement.
    connectToShadowDb: async () => ({ adapter: await base.connectToShadowDb(), rawAsScript: true }),
  });
}

/**
 * `shadowServerUrl` is any database on the server where a throwaway shadow database may
 * be created; without it, operations that need a shadow database fail.
 */
export function postgresConnections(url: string, shadowServerUrl?: string): EngineConnections {
  const pools: pg.Pool[] = [];
  const shadowDatabases: string[] = [];
  const adapterFor = (connectionString: string) => {
    // Pools are ours (the adapter does not end an external pool), so close() ends them all.
    const pool = new pg.Pool({ connectionString, Client: CharAsTextClient });
    // An idle connection's error must not crash the process; the next query reports it.
    pool.on("error", () => {});
    pools.push(pool);
    return new PrismaPg(pool).connect();
  };
  const connections = track(new PrismaPg(url), {
    connect: () => adapterFor(url),
    // adapter-pg's own shadow database would connect to `url`'s database (its connection
    // string wins over the database name) and drops the database before closing its pool.
    connectToShadowDb: async () => {
      if (!shadowServerUrl) {
        throw new Error("A shadow database is needed: set SHADOW_DATABASE_URL to a PostgreSQL server");
      }
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await adminQuery(shadowServerUrl, `CREATE DATABASE "${name}"`);
      shadowDatabases.push(name);
      const shadowUrl = new URL(shadowServerUrl);
      shadowUrl.pathname = `/${name}`;
      return { adapter: await adapterFor(shadowUrl.toString()), rawAsScript: false };
    },
  });
  return {
    ...connections,
    async close() {
      await connections.close();
      await Promise.allSettled(pools.map((pool) => pool.end()));
      for (const name of shadowDatabases.splice(0)) {
        // FORCE ends sessions the engine may have left open.
        await adminQuery(shadowServerUrl as string, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new Error(`${sql} on ${redactUrl(serverUrl)} failed: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * adapter-pg cannot map PostgreSQL's internal `"char"` type (oid 18), which the engine
 * reads from the catalogs while introspecting: report such columns as text (oid 25).
 */
class CharAsTextClient extends pg.Client {
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, charAsText(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const returned: unknown = super.query(...(args as Parameters<pg.Client["query"]>));
    return returned instanceof Promise ? returned.then(charAsText) : returned;
  }
}

function charAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
      if (field.dataTypeID === 18) field.dataTypeID = 25;
    }
  }
  return result;
}

interface Opened {
  adapter: SqlDriverAdapter;
  rawAsScript: boolean;
}

/** Wraps a factory so every adapter it hands out is remembered, watched and disposable. */
function track(
  base: SqlMigrationAwareDriverAdapterFactory,
  open: { connect(): Promise<SqlDriverAdapter>; connectToShadowDb(): Promise<Opened> },
): EngineConnections {
  const opened: SqlDriverAdapter[] = [];
  let lastError: unknown;
  const onError = (error: unknown) => {
    lastError = error;
  };
  const remember = ({ adapter, rawAsScript }: Opened) => {
    opened.push(adapter);
    return watchAdapter(adapter, onError, rawAsScript);
  };
  const guarded = <T>(fn: () => Promise<T>) => guard(fn, onError)();
  return {
    factory: {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => guarded(async () => remember({ adapter: await open.connect(), rawAsScript: false })),
      connectToShadowDb: () => guarded(async () => remember(await open.connectToShadowDb())),
    },
    lastDriverError: () => lastError,
    async close() {
      // Left open, SQLite connections make the app's own client hit SQLITE_BUSY later.
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

function guard<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  onError: (error: unknown) => void,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      onError(error);
      throw error;
    }
  };
}

function watchAdapter(
  adapter: SqlDriverAdapter,
  onError: (error: unknown) => void,
  rawAsScript: boolean,
): SqlDriverAdapter {
  const executeRaw = (query: SqlQuery) =>
    rawAsScript && query.args.length === 0
      ? adapter.executeScript(query.sql).then(() => 0)
      : adapter.executeRaw(query);
  const getConnectionInfo = adapter.getConnectionInfo?.bind(adapter);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: guard((query) => adapter.queryRaw(query), onError),
    executeRaw: guard(executeRaw, onError),
    executeScript: guard((script) => adapter.executeScript(script), onError),
    startTransaction: guard(
      async (level) => watchTransaction(await adapter.startTransaction(level), onError),
      onError,
    ),
    dispose: () => adapter.dispose(),
    ...(getConnectionInfo ? { getConnectionInfo } : {}),
  };
}

function watchTransaction(tx: Transaction, onError: (error: unknown) => void): Transaction {
  const savepoint = (method?: (name: string) => Promise<void>) =>
    method ? guard(method.bind(tx), onError) : undefined;
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: guard((query) => tx.queryRaw(query), onError),
    executeRaw: guard((query) => tx.executeRaw(query), onError),
    commit: guard(() => tx.commit(), onError),
    rollback: guard(() => tx.rollback(), onError),
    createSavepoint: savepoint(tx.createSavepoint),
    rollbackToSavepoint: savepoint(tx.rollbackToSavepoint),
    releaseSavepoint: savepoint(tx.releaseSavepoint),
  };
}
