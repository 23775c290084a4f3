import { defineConfig } from "vitest/config";

export default defineConfig({
  // One copy of graphql: some dependencies require() it while others import it.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two cores: two files at a time keeps Baileys-heavy files from starving each other.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
