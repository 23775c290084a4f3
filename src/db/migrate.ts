// `prisma migrate deploy` and migration creation for each provider's migrations folder
// (prisma/<provider>/migrations), run by the wasm schema engine.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { type DatabaseProvider, isPostgresUrl, parseDatabaseUrl, redactUrl } from "./database-url.ts";
import { makeSqliteFilePrivate } from "./private-files.ts";
import { withSchemaEngine } from "./schema-engine.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const filters = { externalTables: [], externalEnums: [] };

export function migrationsDir(provider: DatabaseProvider): string {
  return join(projectRoot, "prisma", provider, "migrations");
}

/**
 * Applies the migrations of the URL's provider that the database has not had yet.
 * `url` is `file:<path>` (SQLite, see database-url.ts) or `postgresql://...`. A new SQLite
 * file is created private; `warn` hears of an existing one that had to be made so.
 */
export async function migrateDatabase(options: {
  url: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const { url, log } = options;
  try {
    const target = parseDatabaseUrl(url);
    if (target.provider === "sqlite") {
      for (const line of makeSqliteFilePrivate(target.path)) (options.warn ?? log)?.(line);
    }
    const migrationsList = await readMigrations(target.provider);
    if (migrationsList.migrationDirectories.length === 0) {
      throw new Error(`no migrations in ${migrationsList.baseDir}`);
    }
    const { appliedMigrationNames } = await withSchemaEngine({ url, log }, (engine) =>
      engine.applyMigrations({ migrationsList, filters }),
    );
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw new Error(`Migrating ${redactUrl(url)} failed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Writes the migration that takes `prisma/<provider>/migrations` to
 * `prisma/<provider>/schema.prisma` and returns its directory name, or null when there
 * is nothing to change. PostgreSQL needs a server for a throwaway shadow database:
 * `shadowUrl`, else SHADOW_DATABASE_URL, else DATABASE_URL (any database on the server).
 */
export async function createMigration(options: {
  provider: DatabaseProvider;
  name: string;
  shadowUrl?: string;
}): Promise<string | null> {
  const { provider } = options;
  const slug = options.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error(`Invalid migration name: ${JSON.stringify(options.name)}`);
  // The engine only diffs here, so its main connection goes to the shadow server too.
  const server = provider === "postgresql" ? shadowServerUrl(options.shadowUrl) : undefined;
  const url = server ?? "file::memory:";
  const schemaPath = join(projectRoot, "prisma", provider, "schema.prisma");
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };

  const baseDir = migrationsDir(provider);
  await mkdir(baseDir, { recursive: true });
  const lockPath = join(baseDir, "migration_lock.toml");
  if (!existsSync(lockPath)) await writeFile(lockPath, lockfile(provider));
  const migrationsList = await readMigrations(provider);

  const { stdout } = await withSchemaEngine({ url, shadowServerUrl: server, schema }, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters,
    }),
  ).catch((error: unknown) => {
    throw new Error(`Creating the ${provider} migration failed: ${(error as Error).message}`, {
      cause: error,
    });
  });
  const script = stdout ?? "";
  if (!script.trim() || /^-- This is an empty migration\.?$/.test(script.trim())) return null;

  const dirName = `${timestamp()}_${slug}`;
  const latest = migrationsList.migrationDirectories.at(-1)?.path;
  if (latest && latest.localeCompare(dirName) >= 0) {
    // Applied in name order, it would run before a migration it comes after.
    throw new Error(`${dirName} would sort before the latest migration ${latest}: check the clock`);
  }
  const dir = join(baseDir, dirName);
  if (existsSync(dir)) throw new Error(`The migration directory already exists: ${dir}`);
  await mkdir(dir);
  await writeFile(join(dir, "migration.sql"), script);
  return dirName;
}

function shadowServerUrl(explicit: string | undefined): string {
  const { SHADOW_DATABASE_URL, DATABASE_URL } = process.env;
  const url = explicit || SHADOW_DATABASE_URL || (isPostgresUrl(DATABASE_URL) ? DATABASE_URL : undefined);
  if (!url) {
    throw new Error(
      "Creating a PostgreSQL migration needs a PostgreSQL server for a throwaway shadow database: " +
        "set SHADOW_DATABASE_URL (or DATABASE_URL) to postgresql://user@host:port/db, a role with CREATEDB",
    );
  }
  return url;
}

/** Same content as the lock file Prisma writes. */
function lockfile(provider: DatabaseProvider): string {
  return `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "${provider}"
`;
}

/** UTC YYYYMMDDHHMMSS, like Prisma's migration names. */
function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Reads the migrations folder the way Prisma's CLI does, directories sorted by name. */
async function readMigrations(provider: DatabaseProvider): Promise<MigrationList> {
  const baseDir = migrationsDir(provider);
  const lockPath = "migration_lock.toml";
  const lockContent = await readFile(join(baseDir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async ({ name }) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(join(baseDir, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockPath, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}
