import { describe, expect, it } from "vitest";
import { nodeVersionWarnings } from "../../src/node-version.ts";

describe("Node.js version warnings at start", () => {
  it("warns below Node 22, whatever the database", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const warnings = nodeVersionWarnings(provider, "20.19.5");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Node 20\.19\.5 is past its end of life .*: run the gateway on Node 22$/);
    }
  });

  it("warns SQLite users of Node 24.19 to 24.21 about the aborting statement finalizer", () => {
    for (const version of ["24.19.0", "24.21.0"]) {
      expect(nodeVersionWarnings("sqlite", version)).toEqual([
        `Node ${version} aborts the process when the garbage collector finalizes a SQLite statement (better-sqlite3): use Node 22 or 24.22 and later`,
      ]);
      expect(nodeVersionWarnings("postgresql", version)).toEqual([]);
    }
  });

  it("says nothing on Node 22, 24 before 24.19, 24.22 and later, or newer lines", () => {
    for (const version of ["22.12.0", "22.23.5", "23.11.1", "24.18.1", "24.22.3", "26.1.0"]) {
      expect(nodeVersionWarnings("sqlite", version)).toEqual([]);
    }
  });
});
