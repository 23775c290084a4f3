import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigration, migrateDatabase, migrationsDir } from "../../src/db/migrate.ts";
import { PrismaClient as PostgresClient } from "../../src/generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "../../src/generated/sqlite/client.ts";

// better-sqlite3 (adapter-better-sqlite3's driver) ships no type declarations.
const Database = createRequire(import.meta.url)("better-sqlite3") as new (
  file: string,
  options: { readonly: boolean },
) => { prepare(sql: string): { all(): unknown[] }; close(): void };

const tables = [
  "Auth",
  "Business",
  "Instance",
  "ServerSetting",
  "Socket",
  "Webhook",
  "WebhookEvents",
  "WhatsApp",
  "_prisma_migrations",
];

function migrationNames(provider: "sqlite" | "postgresql"): string[] {
  return readdirSync(migrationsDir(provider), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("migrations on SQLite", () => {
  let dir: string;
  let file: string;
  let url: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "wagraph-migrate-"));
    file = join(dir, "nested", "test.db");
    url = `file:${file}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates every table on a fresh file, then has nothing left to apply", async () => {
    expect(await migrateDatabase({ url })).toEqual({ applied: migrationNames("sqlite") });

    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    db.close();
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(tables));

    expect(await migrateDatabase({ url })).toEqual({ applied: [] });
  });

  it("leaves the database to the generated client", async () => {
    const prisma = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }) });
    try {
      await prisma.instance.create({ data: { name: "x" } });
      expect(await prisma.instance.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("reports the driver's error", async () => {
    const bad = join(dir, "not-a-database.db");
    writeFileSync(bad, "this is not SQLite".repeat(100));
    await expect(migrateDatabase({ url: `file:${bad}` })).rejects.toThrow(/file is not a database/);
  });

  it("has a migration for every change of prisma/sqlite/schema.prisma", async () => {
    expect(await createMigration({ provider: "sqlite", name: "drift_check" })).toBeNull();
  });
});

const serverUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!serverUrl)("migrations on PostgreSQL", () => {
  const database = `wagraph_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let url: string;

  async function onServer(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${database}"`);
    const parsed = new URL(serverUrl as string);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
  });
  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));

  it("creates every table on a fresh database, then has nothing left to apply", async () => {
    expect(await migrateDatabase({ url })).toEqual({ applied: migrationNames("postgresql") });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client
      .query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
      )
      .finally(() => client.end());
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(tables));

    expect(await migrateDatabase({ url })).toEqual({ applied: [] });
  });

  it("leaves the database to the generated client", async () => {
    const prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      await prisma.instance.create({ data: { name: "x" } });
      expect(await prisma.instance.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("has a migration for every change of prisma/postgresql/schema.prisma", async () => {
    const created = await createMigration({
      provider: "postgresql",
      name: "drift_check",
      shadowUrl: serverUrl,
    });
    expect(created).toBeNull();
  });
});
