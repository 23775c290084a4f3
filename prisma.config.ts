import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Skip the CLI's download of a native schema engine: generation does not need it, and
// migrations run through the wasm engine (src/db/migrate.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/schema-engine-stub.sh", import.meta.url),
);

export default defineConfig({
  schema: "prisma/sqlite/schema.prisma",
});
