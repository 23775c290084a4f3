import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { isPostgresUrl } from "../../src/db/database-url.ts";
import { createLogger } from "../../src/logger.ts";
import { freshDatabase } from "./database.ts";

export const ACCOUNT_TOKEN = "test-account-token-0123456789";
/** PostgreSQL needs SECRETS_KEY; an SQLite file gets its key file, as without the setting. */
export const TEST_SECRETS_KEY = "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy0wMTIzNDU=";

export function secretsKeyEnv(databaseUrl: string): Record<string, string> {
  return isPostgresUrl(databaseUrl) ? { SECRETS_KEY: TEST_SECRETS_KEY } : {};
}

export interface RunningApp {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** Starts the real gateway on a loopback port with a fresh database. */
export async function startApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<RunningApp> {
  const database = databaseUrl ? { url: databaseUrl, drop: async () => {} } : await freshDatabase();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: database.url,
    ACCOUNT_TOKEN,
    ...secretsKeyEnv(database.url),
    LOG_LEVEL: "silent",
    WA_LOG_LEVEL: "silent",
    ...env,
  });
  const app = await createApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"));
  const address = await app.listen();
  return {
    app,
    url: address,
    wsUrl: address.replace(/^http/, "ws"),
    databaseUrl: database.url,
    async stop(options) {
      await app.close();
      if (!options?.keepDatabase) await database.drop();
    },
  };
}
