// Applies pending migrations to DATABASE_URL (SQLite file by default): `npm run db:migrate`.
import { migrateDatabase } from "../src/db/migrate.ts";
import { redact } from "../src/db/schema-engine.ts";

const url = process.env.DATABASE_URL || "file:./data/wagraph.db";
const started = performance.now();
try {
  const { applied } = await migrateDatabase({ url, log: (line) => console.log(line) });
  const ms = Math.round(performance.now() - started);
  console.log(
    applied.length > 0
      ? `${redact(url)}: applied ${applied.length} migration(s) in ${ms} ms`
      : `${redact(url)}: already up to date (${ms} ms)`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
