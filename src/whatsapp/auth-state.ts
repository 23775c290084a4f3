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
import type { Logger } from "../logger.ts";

const encode = (value: unknown) => JSON.stringify(value, BufferJSON.replacer);
const decode = <T>(text: string): T => JSON.parse(text, BufferJSON.reviver) as T;

export interface StoredAuthState {
  state: AuthenticationState;
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

  const store: SignalKeyStore = {
    async get(type, ids) {
      const rows = await prisma.authKey.findMany({ where: { instanceId, type, keyId: { in: ids } } });
      const found: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      for (const key of rows) {
        let value = decode<SignalDataTypeMap[typeof type]>(key.value);
        if (type === "app-state-sync-key" && value) {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as object) as unknown as typeof value;
        }
        found[key.keyId] = value;
      }
      return found;
    },
    async set(data: SignalDataSet) {
      const statements = [];
      for (const type of Object.keys(data) as (keyof SignalDataSet)[]) {
        const entries = Object.entries(data[type] ?? {});
        if (entries.length === 0) continue;
        statements.push(
          prisma.authKey.deleteMany({
            where: { instanceId, type, keyId: { in: entries.map(([id]) => id) } },
          }),
        );
        const rows = entries
          .filter(([, value]) => value !== null && value !== undefined)
          .map(([keyId, value]) => ({ instanceId, type, keyId, value: encode(value) }));
        if (rows.length > 0) statements.push(prisma.authKey.createMany({ data: rows }));
      }
      if (statements.length > 0) await prisma.$transaction(statements);
    },
    async clear() {
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
    state: { creds, keys: makeCacheableSignalKeyStore(store, logger as never) },
    saveCreds,
    registered: () => Boolean(creds.registered || creds.me?.id),
  };
}

/** Forgets a linked device: the next connection shows a new QR. */
export async function clearAuthState(prisma: PrismaClient, instanceId: string): Promise<void> {
  await prisma.$transaction([
    prisma.authKey.deleteMany({ where: { instanceId } }),
    prisma.authCreds.deleteMany({ where: { instanceId } }),
  ]);
}
