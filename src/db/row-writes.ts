// Multi-row inserts and upserts that bind one JSON parameter, whatever the row count.
//
// The engine writes bursts of hundreds of rows. Bound one value per column, a 500-row insert
// is 7,000 parameters, each of which Prisma's client copies and its query compiler reads, and
// SQLite parses a new statement text for every row count. One JSON array of rows keeps the
// statement text fixed and leaves the unpacking to the database (json_each on SQLite,
// jsonb_array_elements on PostgreSQL).
import type { DatabaseProvider } from "./database-url.ts";

export type ColumnType = "text" | "int" | "bool" | "timestamp";

/** A column of a row write: its name and how its JSON value becomes a column value. */
export type Column = readonly [name: string, type: ColumnType];

export interface RowWrite {
  readonly kind: "rows";
  /** Insert (or update on conflict), or delete the rows whose listed columns all match. */
  action: "upsert" | "delete";
  table: string;
  columns: readonly Column[];
  /** One array per row, values in column order: strings, numbers, booleans, Dates or null. */
  rows: unknown[][];
  /**
   * Upserts: the unique columns rows collide on, the columns a colliding row takes from the
   * new row, and those it adds the new value to (a count; a negative stored value is a
   * marker and counts as 0). Neither: a colliding row is skipped.
   */
  conflict?: { on: readonly string[]; update: readonly string[]; add?: readonly string[] };
}

/** One statement as it is written, for what a row write cannot say (the fencing guard). */
export interface StatementWrite {
  readonly kind: "statement";
  sql: string;
  args: unknown[];
}

export function statement(sql: string, args: unknown[]): StatementWrite {
  return { kind: "statement", sql, args };
}

/** Writes that skip the ORM: row writes and plain statements. */
export function isRawWrite(value: unknown): value is RowWrite | StatementWrite {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === "rows" || kind === "statement";
}

export function upsertRows(
  table: string,
  columns: readonly Column[],
  rows: unknown[][],
  conflict: NonNullable<RowWrite["conflict"]>,
): RowWrite {
  return { kind: "rows", action: "upsert", table, columns, rows, conflict };
}

export function deleteRows(table: string, columns: readonly Column[], rows: unknown[][]): RowWrite {
  return { kind: "rows", action: "delete", table, columns, rows };
}

/**
 * Timestamps in the text form Prisma's SQLite adapter writes and reads back (ISO 8601 with an
 * explicit offset). PostgreSQL's `timestamp(3)` casts the same text, ignoring the offset, which
 * is right because every value is UTC.
 */
function timestampText(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

const POSTGRES_CASTS: Record<ColumnType, string> = {
  text: "",
  int: "::integer",
  bool: "::boolean",
  timestamp: "::timestamp(3)",
};

const quote = (name: string) => `"${name}"`;

/**
 * Escapes PostgreSQL's jsonb refuses (NUL, and the lone surrogates JSON.stringify escapes),
 * preceded by an even number of backslashes so escaped backslashes stay text. They become
 * U+FFFD, as a lone surrogate bound as plain text would.
 */
const POSTGRES_UNSTORABLE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

/** The write as one statement and its single argument, the rows as JSON text. */
export function renderRawWrite(
  provider: DatabaseProvider,
  write: RowWrite | StatementWrite,
): { sql: string; args: unknown[] } {
  return write.kind === "statement" ? write : renderRowWrite(provider, write);
}

function renderRowWrite(provider: DatabaseProvider, write: RowWrite): { sql: string; args: [string] } {
  const timestamps = write.columns.flatMap(([, type], index) => (type === "timestamp" ? [index] : []));
  for (const row of write.rows) {
    for (const index of timestamps) {
      const value = row[index];
      if (value instanceof Date) row[index] = timestampText(value);
    }
  }
  const values = write.columns.map(([, type], index) =>
    provider === "sqlite"
      ? `value ->> ${index}`
      : POSTGRES_CASTS[type]
        ? `(value ->> ${index})${POSTGRES_CASTS[type]}`
        : `value ->> ${index}`,
  );
  const source =
    provider === "sqlite" ? "FROM json_each(?)" : "FROM jsonb_array_elements($1::jsonb) AS r(value)";
  const columns = write.columns.map(([name]) => quote(name)).join(", ");
  const json = JSON.stringify(write.rows);
  const args: [string] = [provider === "postgresql" ? json.replace(POSTGRES_UNSTORABLE, "$1\\ufffd") : json];
  if (write.action === "delete") {
    return {
      sql: `DELETE FROM ${quote(write.table)} WHERE (${columns}) IN (SELECT ${values.join(", ")} ${source})`,
      args,
    };
  }
  const { on, update, add = [] } = write.conflict ?? { on: [], update: [] };
  const greatest = provider === "sqlite" ? "MAX" : "GREATEST";
  const assignments = [
    ...update.map((name) => `${quote(name)} = excluded.${quote(name)}`),
    ...add.map(
      (name) =>
        `${quote(name)} = ${greatest}(${quote(write.table)}.${quote(name)}, 0) + excluded.${quote(name)}`,
    ),
  ];
  const action = assignments.length === 0 ? "DO NOTHING" : `DO UPDATE SET ${assignments.join(", ")}`;
  // `WHERE true` keeps SQLite from reading ON CONFLICT as part of a join.
  const sql = `INSERT INTO ${quote(write.table)} (${columns}) SELECT ${values.join(", ")} ${source} WHERE true
    ON CONFLICT (${on.map(quote).join(", ")}) ${action}`;
  return { sql, args };
}
