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
import type { Database, PrismaClient } from "../db/client.ts";
import { type Column, deleteRows, upsertRows } from "../db/row-writes.ts";
import type { Logger } from "../logger.ts";

/** How long key writes wait to be written together. */
const KEY_FLUSH_MS = 20;
const KEY_COLUMNS: Column[] = [
  ["instanceId", "text"],
  ["type", "text"],
  ["keyId", "text"],
];
const KEY_VALUE_COLUMNS: Column[] = [...KEY_COLUMNS, ["value", "text"]];
/** Keys remembered as missing from the database, per instance. */
const MAX_ABSENT_KEYS = 1000;

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
 * one row each. Key sets are gathered for a few milliseconds and written in one transaction;
 * reads go through Baileys' in-memory key cache, then what is not written yet, then the database.
 */
export async function loadAuthState(
  db: Pick<Database, "prisma" | "write">,
  instanceId: string,
  logger: Logger,
): Promise<StoredAuthState> {
  const { prisma } = db;
  const row = await prisma.authCreds.findUnique({ where: { instanceId } });
  const creds: AuthenticationCreds = row ? decode(row.data) : initAuthCreds();

  // Key writes are coalesced: Baileys rewrites the same few keys (a Signal session, a LID
  // mapping) for nearly every message, and one transaction per message costs more CPU than
  // the message itself. Values are encoded when written, so a key set ten times in a window
  // is encoded once. Reads see pending values, and those of flushes not yet committed: a read
  // that went to the database mid-flush would see the old value (a pre-key already consumed,
  // say). Flushes run one at a time.
  type PendingValue = SignalDataTypeMap[keyof SignalDataTypeMap] | null;
  type KeyBatch = Map<string, Map<string, PendingValue>>;
  let pendingKeys: KeyBatch = new Map();
  /** Flushed batches whose transaction has not committed yet, oldest first. */
  let unwritten: KeyBatch[] = [];
  // Keys the database does not have. Baileys looks up a LID mapping and a device list for
  // nearly every inbound message, mostly in vain, and its key cache keeps only hits: without
  // this, every message cost a query, and on PostgreSQL their varying latency let Baileys
  // finish a burst's messages out of order. This process is the instance's only writer.
  const absent = new Set<string>();
  /** Counts set() calls: a miss read while keys were being set may be stale, so it is not kept. */
  let sets = 0;
  const absentKey = (type: string, id: string) => `${type}\u0000${id}`;
  const rememberAbsent = (type: string, id: string) => {
    if (absent.size >= MAX_ABSENT_KEYS) absent.delete(absent.values().next().value as string);
    absent.add(absentKey(type, id));
  };
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  // Row writes (one statement per kind, whatever the count): through the ORM every flush
  // (rows of several kilobytes, lists of varying length) was compiled into a new query plan.
  const writeKeys = async (batch: Map<string, Map<string, PendingValue>>) => {
    const removed: unknown[][] = [];
    const rows: unknown[][] = [];
    for (const [type, entries] of batch) {
      for (const [keyId, value] of entries) {
        if (value === null) removed.push([instanceId, type, keyId]);
        else rows.push([instanceId, type, keyId, encode(value)]);
      }
    }
    await db.write([
      ...(removed.length > 0 ? [deleteRows("AuthKey", KEY_COLUMNS, removed)] : []),
      ...(rows.length > 0
        ? [
            upsertRows("AuthKey", KEY_VALUE_COLUMNS, rows, {
              on: ["instanceId", "type", "keyId"],
              update: ["value"],
            }),
          ]
        : []),
    ]);
  };

  const flushKeys = (): Promise<void> => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pendingKeys.size === 0) return flushing;
    const batch = pendingKeys;
    pendingKeys = new Map();
    unwritten.push(batch);
    flushing = flushing
      .catch(() => undefined)
      .then(() => writeKeys(batch))
      .catch((error) => logger.error({ err: error, instanceId }, "writing signal keys failed"))
      .finally(() => {
        unwritten = unwritten.filter((other) => other !== batch);
      });
    return flushing;
  };

  /** The newest value of a key not yet committed, if any (null: deleted). */
  const unsaved = (type: string, id: string): { value: PendingValue } | undefined => {
    for (const batch of [pendingKeys, ...unwritten.toReversed()]) {
      const entries = batch.get(type);
      if (entries?.has(id)) return { value: entries.get(id) ?? null };
    }
    return undefined;
  };

  const store: SignalKeyStore = {
    async get(type, ids) {
      const found: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      const waiting = new Map(
        ids.flatMap((id) => {
          const entry = unsaved(type, id);
          return entry ? [[id, entry.value] as const] : [];
        }),
      );
      const stored = ids.filter((id) => !waiting.has(id) && !absent.has(absentKey(type, id)));
      const setsBefore = sets;
      const rows =
        stored.length > 0
          ? await prisma.authKey.findMany({ where: { instanceId, type, keyId: { in: stored } } })
          : [];
      const returned = new Set(rows.map((row) => row.keyId));
      if (sets === setsBefore) for (const id of stored) if (!returned.has(id)) rememberAbsent(type, id);
      for (const row of rows) {
        let value = decode<SignalDataTypeMap[typeof type]>(row.value);
        if (type === "app-state-sync-key" && value) {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as object) as unknown as typeof value;
        }
        found[row.keyId] = value;
      }
      for (const id of ids) {
        const value = waiting.get(id);
        if (value) found[id] = value as SignalDataTypeMap[typeof type];
      }
      return found;
    },
    async set(data: SignalDataSet) {
      sets += 1;
      for (const type of Object.keys(data) as (keyof SignalDataSet)[]) {
        for (const [keyId, value] of Object.entries(data[type] ?? {})) {
          let entries = pendingKeys.get(type);
          if (!entries) {
            entries = new Map();
            pendingKeys.set(type, entries);
          }
          entries.set(keyId, value ?? null);
          absent.delete(absentKey(type, keyId));
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
