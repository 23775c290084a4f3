import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync } from "node:fs";
import type { DatabaseTarget } from "./database-url.ts";
import { createPrivateFile, restrictToOwner } from "./private-files.ts";
import { SecretBox, SecretsKeyError } from "./secret-box.ts";

export const SECRETS_KEY_FORMAT = "32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits";

/** The 32 bytes of a SECRETS_KEY value, or null when it is not one. */
export function decodeSecretsKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return Buffer.from(value, "base64");
  return null;
}

/** Beside the SQLite database, named after it. */
export function secretsKeyFile(databasePath: string): string {
  return `${databasePath}.key`;
}

/**
 * The key that seals the database's secrets: SECRETS_KEY when set; otherwise, for SQLite,
 * the key file beside the database, created (0600) with a random key on first start.
 * PostgreSQL needs SECRETS_KEY (configuration enforces it): every gateway node sharing the
 * database must use the same key, which a file on one node cannot give them.
 */
export function loadSecretBox(options: { configured?: string; database: DatabaseTarget }): {
  box: SecretBox;
  /** The key file, when this start created it. */
  createdKeyFile?: string;
  /** An existing key file that was open to other users. */
  warning?: string;
} {
  if (options.configured) {
    const key = decodeSecretsKey(options.configured);
    if (!key) throw new SecretsKeyError(`SECRETS_KEY must be ${SECRETS_KEY_FORMAT}`);
    return { box: new SecretBox(key, "SECRETS_KEY") };
  }
  const { database } = options;
  if (database.provider !== "sqlite" || database.path === ":memory:") {
    throw new SecretsKeyError("SECRETS_KEY is required unless the database is an SQLite file");
  }
  const file = secretsKeyFile(database.path);
  if (createKeyFile(file)) {
    return {
      box: new SecretBox(readKeyFile(file), `the key file ${file}, created now`),
      createdKeyFile: file,
    };
  }
  const warning = restrictToOwner(file);
  return { box: new SecretBox(readKeyFile(file), `the key file ${file}`), warning };
}

/**
 * Writes a new random key to `file` unless it exists. The key is written to a temporary
 * file and linked into place, so a gateway starting at the same time never reads a
 * half-written key file.
 */
function createKeyFile(file: string): boolean {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  createPrivateFile(temporary, `${randomBytes(32).toString("base64")}\n`);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readKeyFile(file: string): Buffer {
  const key = decodeSecretsKey(readFileSync(file, "utf8"));
  if (!key) throw new SecretsKeyError(`${file} does not hold a secrets key (${SECRETS_KEY_FORMAT})`);
  return key;
}
