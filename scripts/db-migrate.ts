// Applies pending migrations to DATABASE_URL (SQLite file by default): `npm run db:migrate`.
import { redactUrl } from "../src/db/database-url.ts";
import { migrateDatabase } from "../src/db/migrate.ts";

const url = process.env.DATABASE_URL || "file:./data/wagraph.db";
const started = performance.now();
try {
  const { applied } = await migrateDatabase({
    url,
    log: (line) => console.log(line),
    warn: (line) => console.warn(line),
  });
  const ms = Math.round(performance.now() - started);
  console.log(
    applied.length > 0
      ? `${redactUrl(url)}: applied ${applied.length} migration(s) in ${ms} ms`
      : `${redactUrl(url)}: already up to date (${ms} ms)`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
