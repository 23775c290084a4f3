import type { Config } from "./config.ts";

/**
 * What is wrong with running the gateway on this Node.js version, one sentence per problem
 * (logged as warnings at start). Node 22 is the runtime it is built and tested for; Node 24
 * works from 24.22 on.
 */
export function nodeVersionWarnings(
  databaseProvider: Config["databaseProvider"],
  version: string = process.versions.node,
): string[] {
  const [major, minor] = version.split(".").map(Number);
  const warnings: string[] = [];
  if (major < 22) {
    warnings.push(
      `Node ${version} is past its end of life (Node 20: April 2026) and gets no security fixes: run the gateway on Node 22`,
    );
  }
  // Node 24.19 made addons' ObjectWrap destructors need a current context, which they do not
  // have when the garbage collector finalizes them; 24.22 fixed it in Node itself.
  if (databaseProvider === "sqlite" && major === 24 && minor >= 19 && minor < 22) {
    warnings.push(
      `Node ${version} aborts the process when the garbage collector finalizes a SQLite statement (better-sqlite3): use Node 22 or 24.22 and later`,
    );
  }
  return warnings;
}
