// One reading of DATABASE_URL for configuration, migrations and the app.

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { DatabaseUrlError, parseDatabaseUrl, redactUrl } from "../../src/db/database-url.ts";
import { startApp } from "../support/app.ts";
import { createInstance } from "../support/fixtures.ts";

// better-sqlite3 (adapter-better-sqlite3's driver) ships no type declarations.
const Database = createRequire(import.meta.url)("better-sqlite3") as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => { prepare(sql: string): { all(): unknown[] }; close(): void };

const sqlite = (url: string) => {
  const target = parseDatabaseUrl(url, "/srv/app");
  if (target.provider !== "sqlite") throw new Error(`not SQLite: ${url}`);
  return target;
};

describe("parseDatabaseUrl on SQLite", () => {
  it.each([
    ["file:./data/w.db", "/srv/app/data/w.db"],
    ["file:data/w.db", "/srv/app/data/w.db"],
    ["file:../w.db", "/srv/w.db"],
    ["file:/var/lib/w.db", "/var/lib/w.db"],
    ["file:///var/lib/w.db", "/var/lib/w.db"],
    ["file://localhost/var/lib/w.db", "/var/lib/w.db"],
    ["file:///tmp/w%20x.db", "/tmp/w x.db"],
    ["file:./w%20x.db", "/srv/app/w x.db"],
    ["file:./w x.db", "/srv/app/w x.db"],
    ["file:./w%2520.db", "/srv/app/w%20.db"],
    ["file:./what%3F.db", "/srv/app/what?.db"],
    ["file:./data/w.db?connection_limit=1", "/srv/app/data/w.db"],
    ["file:///tmp/w%20x.db?connection_limit=1&socket_timeout=5", "/tmp/w x.db"],
    ["file:./w.db#fragment", "/srv/app/w.db"],
  ])("reads %s as %s", (url, path) => {
    expect(sqlite(url).path).toBe(path);
  });

  it("lists the query parameters it ignores, and keeps the URL as its redacted form", () => {
    const target = sqlite("file:./w.db?connection_limit=1&mode=ro&mode=rw");
    expect(target.ignoredParameters).toEqual(["connection_limit", "mode"]);
    expect(target.redacted).toBe("file:./w.db?connection_limit=1&mode=ro&mode=rw");
    expect(sqlite("file:./w.db").ignoredParameters).toEqual([]);
  });

  it("takes relative paths from the working directory by default", () => {
    expect(parseDatabaseUrl("file:./w.db")).toMatchObject({ path: join(process.cwd(), "w.db") });
  });

  it("keeps :memory: as it is", () => {
    expect(sqlite("file::memory:").path).toBe(":memory:");
  });

  it.each([
    ["file:", /names no SQLite file/],
    ["file:?connection_limit=1", /names no SQLite file/],
    ["file:./data/", /names a folder/],
    ["file:./w%zz.db", /malformed %-escape/],
    ["file:./w%00.db", /NUL/],
    ["file://data/w.db", /host.*relative one as file:\.\/w\.db/],
    ["file://example.com/w.db", /host/],
    ["file:///tmp/a%2Fb.db", /encoded \/ characters/i],
    ["mysql://u@h/db", /must start with file: \(SQLite\) or postgresql:\/\//],
    ["./data/w.db", /must start with file:/],
    ["sqlite:./w.db", /must start with file:/],
  ])("refuses %s", (url, message) => {
    expect(() => parseDatabaseUrl(url, "/srv/app")).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(url, "/srv/app")).toThrow(message);
  });
});

describe("parseDatabaseUrl on PostgreSQL", () => {
  it.each([
    "postgres://u@localhost/db",
    "postgresql://u@localhost:5432/db",
    "postgresql:///db?host=/var/run/postgresql",
  ])("hands %s to the driver unchanged", (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ provider: "postgresql", url, redacted: url });
  });

  it("redacts the password, in the authority and as a parameter", () => {
    const url = "postgresql://app:s3cr%40t@db:5432/w?sslmode=require&password=other&sslpassword=third";
    const target = parseDatabaseUrl(url);
    expect(target).toMatchObject({ provider: "postgresql", url });
    expect(target.redacted).toBe(
      "postgresql://app:***@db:5432/w?sslmode=require&password=***&sslpassword=***",
    );
    for (const secret of ["s3cr", "other", "third"]) expect(target.redacted).not.toContain(secret);
  });

  it("refuses a URL that does not parse", () => {
    expect(() => parseDatabaseUrl("postgresql://u@host:port/db")).toThrow(/not a valid postgresql:\/\/ URL/);
  });

  it("redacts what it cannot parse as well as it can", () => {
    expect(redactUrl("postgresql://u:pw@host:port/db")).toBe("postgresql://u:***@host:port/db");
  });
});

describe("DATABASE_URL in the configuration", () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error("the configuration was accepted");
  };

  it("is read by the same parser", () => {
    const config = loadConfig({ DATABASE_URL: "file:///tmp/w%20x.db?connection_limit=1" });
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.database).toMatchObject({ provider: "sqlite", path: "/tmp/w x.db" });
  });

  it("makes a bad URL a configuration error, without its password", () => {
    expect(problem({ DATABASE_URL: "file:./w%zz.db" })).toMatch(
      /^ {2}DATABASE_URL="file:\.\/w%zz\.db": has a malformed %-escape/m,
    );
    const message = problem({
      DATABASE_URL: "postgresql://u:hunter2@host:port/db",
      SECRETS_KEY: "x".repeat(64),
    });
    expect(message).toMatch(/DATABASE_URL=.*not a valid postgresql/);
    expect(message).not.toContain("hunter2");
  });

  it("refuses an in-memory database", () => {
    expect(problem({ DATABASE_URL: "file::memory:" })).toMatch(
      /DATABASE_URL=.*in-memory database cannot be used/,
    );
  });
});

describe("the app on a file: URL with parameters", () => {
  const dir = mkdtempSync(join(tmpdir(), "wagraph-url-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["with ?connection_limit=1", `file:${dir}/w.db?connection_limit=1`, "w.db"],
    ["as file:/// with a space", `file://${encodeURI(dir)}/w%20x.db?socket_timeout=5`, "w x.db"],
  ])("migrates and opens the same file %s", async (_label, url, name) => {
    const running = await startApp({}, url);
    const instance = await createInstance(running.url);
    await running.stop({ keepDatabase: true });

    expect(readdirSync(dir).filter((file) => file.includes("?") || file.includes("%"))).toEqual([]);
    const file = join(dir, name);
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // Migrations made the tables and the app wrote its rows into this one file.
      const migrations = db.prepare('SELECT migration_name FROM "_prisma_migrations"').all();
      expect(migrations.length).toBeGreaterThan(0);
      const rows = db.prepare('SELECT name FROM "Instance"').all();
      expect(rows).toEqual([{ name: instance.name }]);
    } finally {
      db.close();
    }
  });
});
