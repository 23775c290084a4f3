// The one reader of database URLs: configuration, migrations, the app's client and the
// scripts all take the provider, the SQLite file and the redacted form from here.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseTarget =
  | {
      provider: "sqlite";
      /** Absolute path of the database file, or `:memory:`. */
      path: string;
      /** Query parameters of the URL: none is honoured by the SQLite driver. */
      ignoredParameters: string[];
      redacted: string;
    }
  | {
      provider: "postgresql";
      /** Handed to the pg driver unchanged. */
      url: string;
      redacted: string;
    };

export class DatabaseUrlError extends Error {}

const POSTGRES_SCHEME = /^postgres(ql)?:\/\//;

/**
 * Reads `file:<path>` (SQLite) and `postgres://` or `postgresql://` URLs.
 *
 * SQLite: `file:data/w.db` and `file:./data/w.db` are relative to `cwd`, `file:/abs/w.db`,
 * `file:///abs/w.db` and `file://localhost/abs/w.db` absolute. The path is percent-decoded
 * once (`%20` is a space, `%3F` a question mark); what follows `?` or `#` is not part of it.
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) return parseSqliteUrl(url, cwd);
  if (POSTGRES_SCHEME.test(url)) {
    if (!URL.canParse(url)) throw new DatabaseUrlError("is not a valid postgresql:// URL");
    return { provider: "postgresql", url, redacted: redactUrl(url) };
  }
  throw new DatabaseUrlError("must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

function parseSqliteUrl(url: string, cwd: string): DatabaseTarget {
  const [, rawPath = "", query = ""] = /^file:([^?#]*)(?:\?([^#]*))?/.exec(url) ?? [];
  let path: string;
  if (rawPath.startsWith("//")) {
    try {
      path = fileURLToPath(new URL(`file:${rawPath}`));
    } catch (error) {
      throw new DatabaseUrlError(
        `${(error as Error).message}: write an absolute path as file:///abs/w.db and a relative one as file:./w.db`,
      );
    }
  } else {
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      throw new DatabaseUrlError("has a malformed %-escape in its path (write % itself as %25)");
    }
  }
  if (!path) throw new DatabaseUrlError("names no SQLite file (e.g. file:./data/wagraph.db)");
  if (path.includes("\0")) throw new DatabaseUrlError("has a NUL character in its path");
  if (path.endsWith("/")) throw new DatabaseUrlError("names a folder, not an SQLite file");
  const ignoredParameters = [...new Set(new URLSearchParams(query).keys())];
  return {
    provider: "sqlite",
    path: path === ":memory:" ? path : resolve(cwd, path),
    ignoredParameters,
    redacted: url,
  };
}

/** The URL with its password (in the authority or as a query parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1***@");
  const parsed = new URL(url);
  if (parsed.protocol === "file:") return url;
  if (parsed.password) parsed.password = "***";
  for (const name of ["password", "sslpassword"]) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
  }
  return parsed.toString();
}

/** Whether a URL names a PostgreSQL database (a server for shadow databases, say). */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && POSTGRES_SCHEME.test(url);
}
