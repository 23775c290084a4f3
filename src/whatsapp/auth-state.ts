import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  makeCacheableSignalKeyStore,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "@whiskeysockets/baileys";
import type { PrismaClient } from "../db/client.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import type { Logger } from "../logger.ts";

/** How long key writes wait to be written together. */
const KEY_FLUSH_MS = 20;
/** Rows per statement: well below the bound-parameter limits of SQLite and PostgreSQL. */
const KEYS_PER_STATEMENT = 1000;

const encode = (value: unknown) => JSON.stringify(value, BufferJSON.replacer);
const decode = <T>(text: string): T => JSON.parse(text, BufferJSON.reviver) as T;

export interface StoredAuthState {
  state: AuthenticationState;
  /** Writes pending key changes now (before a stop). */
  flush(): Promise<void>;
  /** Drops pending key changes (the device is being forgotten). */
  discard(): void;
  /** Writes the current creds; calls are serialized, the last one wins. */
  saveCreds(): Promise<void>;
  /** Whether these creds belong to a device that finished pairing. */
  registered(): boolean;
}

/**
 * Baileys' auth state kept in the database instead of files: creds in one row, signal keys
 * one row each. Every set() Baileys makes is one transaction per key type (delete the ids,
 * insert the new values), and reads go through Baileys' in-memory key cache.
 */
export async function loadAuthState(
  prisma: PrismaClient,
  instanceId: string,
  logger: Logger,
): Promise<StoredAuthState> {
  const row = await prisma.authCreds.findUnique({ where: { instanceId } });
  const creds: AuthenticationCreds = row ? decode(row.data) : initAuthCreds();

  // Key writes are coalesced: Baileys rewrites the same few keys (a Signal session, a LID
  // mapping) for nearly every message, and one transaction per message costs more CPU than
  // the message itself. Values are encoded when written, so a key set ten times in a window
  // is encoded once. Reads see pending values; flushes run one at a time.
  type PendingValue = SignalDataTypeMap[keyof SignalDataTypeMap] | null;
  let pendingKeys = new Map<string, Map<string, PendingValue>>();
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  // Raw statements, the same on SQLite and PostgreSQL: through the ORM every flush (rows of
  // several kilobytes, lists of varying length) was compiled into a new query plan.
  const writeKeys = async (batch: Map<string, Map<string, PendingValue>>) => {
    const removed: Prisma.Sql[] = [];
    const rows: Prisma.Sql[] = [];
    for (const [type, entries] of batch) {
      for (const [keyId, value] of entries) {
        if (value === null) removed.push(Prisma.sql`(${type}, ${keyId})`);
        else rows.push(Prisma.sql`(${instanceId}, ${type}, ${keyId}, ${encode(value)})`);
      }
    }
    const statements = [];
    for (let start = 0; start < removed.length; start += KEYS_PER_STATEMENT) {
      const pairs = Prisma.join(removed.slice(start, start + KEYS_PER_STATEMENT));
      statements.push(
        prisma.$executeRaw`DELETE FROM "AuthKey" WHERE "instanceId" = ${instanceId} AND ("type", "keyId") IN (VALUES ${pairs})`,
      );
    }
    for (let start = 0; start < rows.length; start += KEYS_PER_STATEMENT) {
      const values = Prisma.join(rows.slice(start, start + KEYS_PER_STATEMENT));
      statements.push(
        prisma.$executeRaw`INSERT INTO "AuthKey" ("instanceId", "type", "keyId", "value") VALUES ${values}
          ON CONFLICT ("instanceId", "type", "keyId") DO UPDATE SET "value" = excluded."value"`,
      );
    }
    if (statements.length > 0) await prisma.$transaction(statements);
  };

  const flushKeys = (): Promise<void> => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pendingKeys.size === 0) return flushing;
    const batch = pendingKeys;
    pendingKeys = new Map();
    flushing = flushing
      .catch(() => undefined)
      .then(() => writeKeys(batch))
      .catch((error) => logger.error({ err: error, instanceId }, "writing signal keys failed"));
    return flushing;
  };

  const store: SignalKeyStore = {
    async get(type, ids) {
      const found: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      const waiting = pendingKeys.get(type);
      const stored = ids.filter((id) => !waiting?.has(id));
      const rows =
        stored.length > 0
          ? await prisma.authKey.findMany({ where: { instanceId, type, keyId: { in: stored } } })
          : [];
      for (const row of rows) {
        let value = decode<SignalDataTypeMap[typeof type]>(row.value);
        if (type === "app-state-sync-key" && value) {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as object) as unknown as typeof value;
        }
        found[row.keyId] = value;
      }
      for (const id of ids) {
        const value = waiting?.get(id);
        if (value) found[id] = value as SignalDataTypeMap[typeof type];
      }
      return found;
    },
    async set(data: SignalDataSet) {
      for (const type of Object.keys(data) as (keyof SignalDataSet)[]) {
        for (const [keyId, value] of Object.entries(data[type] ?? {})) {
          let entries = pendingKeys.get(type);
          if (!entries) {
            entries = new Map();
            pendingKeys.set(type, entries);
          }
          entries.set(keyId, value ?? null);
        }
      }
      flushTimer ??= setTimeout(() => void flushKeys(), KEY_FLUSH_MS);
    },
    async clear() {
      pendingKeys = new Map();
      await prisma.authKey.deleteMany({ where: { instanceId } });
    },
  };

  let pending: Promise<void> = Promise.resolve();
  const saveCreds = () => {
    pending = pending
      .catch(() => undefined)
      .then(async () => {
        const data = encode(creds);
        await prisma.authCreds.upsert({
          where: { instanceId },
          create: { instanceId, data },
          update: { data },
        });
      });
    return pending;
  };

  return {
    state: { creds, keys: withUncachedPreKeys(store, makeCacheableSignalKeyStore(store, logger as never)) },
    flush: async () => {
      await flushKeys();
      await pending;
    },
    discard: () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      pendingKeys = new Map();
    },
    saveCreds,
    registered: () => Boolean(creds.registered || creds.me?.id),
  };
}

/**
 * Pre-keys bypass Baileys' key cache. A new device writes 812 of them at once and each is read
 * at most once (when a contact first writes to the account), so caching them for the cache's
 * five minutes only holds about 300 KB per just-paired instance.
 */
function withUncachedPreKeys(store: SignalKeyStore, cached: SignalKeyStore): SignalKeyStore {
  return {
    get: (type, ids) => (type === "pre-key" ? store.get(type, ids) : cached.get(type, ids)),
    async set(data) {
      const { "pre-key": preKeys, ...rest } = data;
      if (preKeys) await store.set({ "pre-key": preKeys });
      if (Object.keys(rest).length > 0) await cached.set(rest);
    },
    clear: async () => {
      await cached.clear?.();
    },
  };
}

/** Forgets a linked device: the next connection shows a new QR. */
export async function clearAuthState(prisma: PrismaClient, instanceId: string): Promise<void> {
  await prisma.$transaction([
    prisma.authKey.deleteMany({ where: { instanceId } }),
    prisma.authCreds.deleteMany({ where: { instanceId } }),
  ]);
}
