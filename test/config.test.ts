import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { InstancesDocument } from "./generated/graphql.ts";
import { secretsKeyEnv, TEST_SECRETS_KEY } from "./support/app.ts";
import { gql } from "./support/clients.ts";
import { freshDatabase } from "./support/database.ts";

describe("configuration", () => {
  it("uses embedded defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: "127.0.0.1",
      DATABASE_URL: "file:./data/wagraph.db",
      databaseProvider: "sqlite",
      GRAPHIQL: true,
    });
  });

  it("names every bad value on its own line", () => {
    const attempt = () =>
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        REDIS_URL: "http://x",
        ACCOUNT_TOKEN: "short",
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const lines = (error as Error).message.split("\n");
      expect(lines[0]).toBe("Invalid configuration:");
      for (const name of ["PORT", "DATABASE_URL", "REDIS_URL", "ACCOUNT_TOKEN"]) {
        expect(lines.some((line) => line.trim().startsWith(`${name}=`))).toBe(true);
      }
    }
  });

  it("does not repeat a bad secret or a URL's password", () => {
    const attempt = () =>
      loadConfig({ ACCOUNT_TOKEN: "hunter2", REDIS_URL: "http://user:s3cret@cache:6379" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/ACCOUNT_TOKEN=\(7 characters, not shown\): must be at least 16 characters/);
    expect(attempt).toThrow(/REDIS_URL="http:\/\/user:\*\*\*@cache:6379\/?"/);
    expect(attempt).not.toThrow(/hunter2|s3cret/);
  });

  it("reads the trusted WhatsApp root key as hex or base64, and refuses anything else", () => {
    const key = Buffer.from("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b", "hex");
    expect(loadConfig({}).WA_ROOT_PUBLIC_KEY).toBeUndefined();
    expect(loadConfig({ WA_ROOT_PUBLIC_KEY: key.toString("hex") }).WA_ROOT_PUBLIC_KEY).toEqual(key);
    expect(loadConfig({ WA_ROOT_PUBLIC_KEY: key.toString("base64") }).WA_ROOT_PUBLIC_KEY).toEqual(key);
    for (const bad of [key.toString("hex").slice(2), `${key.toString("base64")}A`, "not a key"]) {
      expect(() => loadConfig({ WA_ROOT_PUBLIC_KEY: bad })).toThrow(
        /WA_ROOT_PUBLIC_KEY=.*must be a 32-byte key, as 64 hex digits or 44 base64 characters/,
      );
    }
  });

  it("picks PostgreSQL from a postgresql:// URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u@localhost/db", SECRETS_KEY: TEST_SECRETS_KEY });
    expect(config.databaseProvider).toBe("postgresql");
  });

  it("requires SECRETS_KEY with PostgreSQL only", () => {
    const attempt = () => loadConfig({ DATABASE_URL: "postgres://u@localhost/db" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^ {2}SECRETS_KEY=\(unset\): is required with PostgreSQL/m);
    expect(loadConfig({ DATABASE_URL: "file:./w.db" }).SECRETS_KEY).toBeUndefined();
  });

  it.each([
    ["base64", Buffer.alloc(32, 7).toString("base64")],
    ["base64url without padding", Buffer.alloc(32, 250).toString("base64url")],
    ["hex", Buffer.alloc(32, 9).toString("hex")],
  ])("takes a %s SECRETS_KEY", (_format, key) => {
    expect(loadConfig({ SECRETS_KEY: key }).SECRETS_KEY).toBe(key);
  });

  it.each([
    ["too short", Buffer.alloc(16).toString("base64")],
    ["too long", Buffer.alloc(33).toString("hex")],
    ["a passphrase", "correct horse battery staple, but longer than 32"],
  ])("refuses a SECRETS_KEY that is %s, without repeating it", (_problem, key) => {
    const attempt = () => loadConfig({ SECRETS_KEY: key });
    expect(attempt).toThrow(/SECRETS_KEY=\(\d+ characters, not shown\): must be 32 random bytes as base64/);
    expect(attempt).not.toThrow(key);
  });
});

describe("account token", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("is generated on first start, kept as a hash, and works after a restart", async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: database.url,
      LOG_LEVEL: "silent",
      ...secretsKeyEnv(database.url),
    });
    const first = await createApp(config, createLogger("silent"));
    const token = first.generatedAccountToken;
    expect(token).toMatch(/^wag_/);
    const stored = await first.services.prisma.serverSetting.findMany();
    expect(JSON.stringify(stored)).not.toContain(token);
    await first.close();

    const second = await createApp(config, createLogger("silent"));
    expect(second.generatedAccountToken).toBeUndefined();
    const url = await second.listen();
    const listed = await gql(url, InstancesDocument, {}, token);
    expect(listed.data?.instances.totalCount).toBe(0);
    await second.close();
  });
});
