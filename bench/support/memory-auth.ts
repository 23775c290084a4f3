import {
  type AuthenticationState,
  initAuthCreds,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "@whiskeysockets/baileys";

/**
 * A Baileys auth state that lives only in memory: the creds object, and one map entry per
 * signal key. Baileys updates the creds object itself on `creds.update`, so nothing has to
 * be saved for a later reconnect in the same process.
 */
export function memoryAuthState(): AuthenticationState {
  const creds = initAuthCreds();
  const data = new Map<string, unknown>();
  const keys: SignalKeyStore = {
    async get(type, ids) {
      const found: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      for (const id of ids) {
        const value = data.get(`${type}\u0000${id}`);
        if (value !== undefined) found[id] = value as SignalDataTypeMap[typeof type];
      }
      return found;
    },
    async set(set: SignalDataSet) {
      for (const type of Object.keys(set) as (keyof SignalDataSet)[]) {
        for (const [id, value] of Object.entries(set[type] ?? {})) {
          const key = `${type}\u0000${id}`;
          if (value === null || value === undefined) data.delete(key);
          else data.set(key, value);
        }
      }
    },
    async clear() {
      data.clear();
    },
  };
  return { creds, keys };
}
