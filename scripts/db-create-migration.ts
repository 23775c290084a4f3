// Creates a migration for both providers from prisma/models.prisma:
//   npm run db:migration:create -- <name>
// Regenerates the schemas and clients first. The PostgreSQL migration is computed on a
// throwaway database created on SHADOW_DATABASE_URL's server (or DATABASE_URL's), which
// needs the CREATEDB privilege.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isPostgresUrl } from "../src/db/database-url.ts";
import { createMigration, migrationsDir } from "../src/db/migrate.ts";

const name = process.argv.slice(2).join(" ").trim();
if (!name) {
  console.error("Usage: npm run db:migration:create -- <name>");
  process.exit(2);
}
const { SHADOW_DATABASE_URL, DATABASE_URL } = process.env;
const shadowUrl = SHADOW_DATABASE_URL || (isPostgresUrl(DATABASE_URL) ? DATABASE_URL : undefined);
if (!shadowUrl) {
  console.error(
    "The PostgreSQL migration needs a PostgreSQL server: set SHADOW_DATABASE_URL " +
      "(e.g. postgresql://postgres@127.0.0.1:5432/postgres, a role with CREATEDB).",
  );
  process.exit(2);
}

const root = fileURLToPath(new URL("../", import.meta.url));
execFileSync("npm", ["run", "--silent", "db:generate"], { cwd: root, stdio: "inherit" });

try {
  // PostgreSQL first: it is the one that can fail for reasons outside this project.
  for (const provider of ["postgresql", "sqlite"] as const) {
    const created = await createMigration({ provider, name, shadowUrl });
    console.log(
      created
        ? `${provider}: created ${migrationsDir(provider)}/${created}/migration.sql`
        : `${provider}: no changes, no migration created`,
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
