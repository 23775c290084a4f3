import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "@whiskeysockets/baileys";
import type { Database } from "../db/client.ts";
import { type Column, deleteRows, upsertRows } from "../db/row-writes.ts";
import type { Logger } from "../logger.ts";

/** How long key writes wait to be written together. */
const KEY_FLUSH_MS = 20;
const CREDS_COLUMNS: Column[] = [
  ["instanceId", "text"],
  ["data", "text"],
  ["updatedAt", "timestamp"],
];
const KEY_COLUMNS: Column[] = [
  ["instanceId", "text"],
  ["type", "text"],
  ["keyId", "text"],
];
const KEY_VALUE_COLUMNS: Column[] = [...KEY_COLUMNS, ["value", "text"]];
/** Keys (and keys known to be missing) remembered per instance; the least recently set or read from the database go first. */
const MAX_KNOWN_KEYS = 1000;

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
 * reads go through an in-memory cache, then what is not written yet, then the database.
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
  // The newest value of recently used keys, and keys the database does not have (null).
  // Baileys reads a session and an identity key and rewrites the session for every Signal
  // message, and looks up a LID mapping and a device list for nearly every inbound message,
  // mostly in vain: without remembering misses, every message cost a query, and on
  // PostgreSQL their varying latency let Baileys finish a burst's messages out of order.
  // This process is the instance's only writer. Pre-keys are not kept: each is read at most
  // once, and a new device writes 812 of them.
  const known = new Map<string, PendingValue>();
  const cacheKey = (type: string, id: string) => `${type}\u0000${id}`;
  const remember = (key: string, value: PendingValue) => {
    known.delete(key);
    if (known.size >= MAX_KNOWN_KEYS) known.delete(known.keys().next().value as string);
    known.set(key, value);
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
  const unsaved = (type: string, id: string): PendingValue | undefined => {
    for (const batch of [pendingKeys, ...unwritten.toReversed()]) {
      const entries = batch.get(type);
      if (entries?.has(id)) return entries.get(id) ?? null;
    }
    return undefined;
  };

  const readStored = async <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
    const rows = await prisma.authKey.findMany({ where: { instanceId, type, keyId: { in: ids } } });
    const values = new Map<string, SignalDataTypeMap[T]>();
    for (const row of rows) {
      let value = decode<SignalDataTypeMap[T]>(row.value);
      if (type === "app-state-sync-key" && value) {
        value = proto.Message.AppStateSyncKeyData.fromObject(value as object) as unknown as typeof value;
      }
      values.set(row.keyId, value);
    }
    if (type !== "pre-key") for (const id of ids) remember(cacheKey(type, id), values.get(id) ?? null);
    return values;
  };

  /** What memory holds of these keys, and the ids it knows nothing about. */
  const fromMemory = <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
    const found: { [id: string]: SignalDataTypeMap[T] } = {};
    const missing: string[] = [];
    for (const id of ids) {
      const key = cacheKey(type, id);
      const value = known.has(key) ? known.get(key) : unsaved(type, id);
      if (value === undefined) missing.push(id);
      else if (value !== null) found[id] = value as SignalDataTypeMap[T];
    }
    return { found, missing };
  };

  const readThrough = async <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
    const { found, missing } = fromMemory(type, ids);
    if (missing.length === 0) return found;
    const stored = await readStored(type, missing);
    for (const [id, value] of stored) if (value) found[id] = value;
    return found;
  };

  // Reads and sets answer in the order they were asked, as under a lock. Baileys works on a
  // burst's messages concurrently and looks up keys (a LID mapping, say) before it takes its
  // per-message lock: a later message's lookup must not answer before an earlier one's, or
  // the later message goes first. Without this, PostgreSQL's varying latency reordered bursts.
  let tail: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };

  const keys: SignalKeyStore = {
    get: (type, ids) => inOrder(() => readThrough(type, ids)),
    set: (data) => inOrder(() => setKeys(data)),
    clear: () =>
      inOrder(async () => {
        pendingKeys = new Map();
        known.clear();
        await db.write([prisma.authKey.deleteMany({ where: { instanceId } })]);
      }),
  };

  function setKeys(data: SignalDataSet): void {
    for (const type of Object.keys(data) as (keyof SignalDataSet)[]) {
      for (const [keyId, value] of Object.entries(data[type] ?? {})) {
        let entries = pendingKeys.get(type);
        if (!entries) {
          entries = new Map();
          pendingKeys.set(type, entries);
        }
        entries.set(keyId, value ?? null);
        const key = cacheKey(type, keyId);
        if (type !== "pre-key") remember(key, value ?? null);
      }
    }
    flushTimer ??= setTimeout(() => void flushKeys(), KEY_FLUSH_MS);
  }

  let pending: Promise<void> = Promise.resolve();
  const saveCreds = () => {
    pending = pending
      .catch(() => undefined)
      .then(async () => {
        const data = encode(creds);
        await db.write([
          upsertRows("AuthCreds", CREDS_COLUMNS, [[instanceId, data, new Date()]], {
            on: ["instanceId"],
            update: ["data", "updatedAt"],
          }),
        ]);
      });
    return pending;
  };

  return {
    state: { creds, keys },
    flush: async () => {
      await flushKeys();
      await pending;
    },
    discard: () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      pendingKeys = new Map();
      known.clear();
    },
    saveCreds,
    registered: () => Boolean(creds.registered || creds.me?.id),
  };
}

/** Forgets a linked device and its account: the next connection shows a new QR. */
export async function clearAuthState(
  db: Pick<Database, "prisma" | "write">,
  instanceId: string,
): Promise<void> {
  const { prisma } = db;
  await db.write([
    prisma.authKey.deleteMany({ where: { instanceId } }),
    prisma.authCreds.deleteMany({ where: { instanceId } }),
    prisma.whatsApp.deleteMany({ where: { instanceId } }),
  ]);
}
