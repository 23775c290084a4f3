// The SQLite file holds the secrets the gateway needs to run: only the user running it may
// read it, whatever the umask.
import { chmodSync, closeSync, mkdirSync, openSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/**
 * Creates missing database folders 0700 (folders that exist are left alone) and a missing
 * database file 0600; SQLite gives its -wal and -shm files the mode of the database file.
 * An existing database file or companion that others may access is set to 0600. Returns a
 * line per such change (or failure to make it) for the log.
 */
export function makeSqliteFilePrivate(path: string): string[] {
  if (path === ":memory:") return [];
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER });
  createPrivateFile(path);
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]
    .map(restrictToOwner)
    .filter((line) => line !== undefined);
}

/**
 * Creates a file with mode 0600 (empty unless `content` is given); false when it exists
 * already. The umask can only take bits away from the mode, never open it to others.
 */
export function createPrivateFile(path: string, content = ""): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", PRIVATE_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    if (content) writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Sets a file that others (neither its owner nor its group) may access to 0600. A file
 * shared with its group only is taken as a deliberate choice and left alone.
 */
export function restrictToOwner(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if ((mode & 0o007) === 0) return undefined;
  const was = `0${mode.toString(8)}`;
  try {
    chmodSync(path, PRIVATE_FILE);
    return `${path} was open to other users (${was}): its mode is now 0600`;
  } catch (error) {
    return `${path} is open to other users (${was}) and could not be made private: ${(error as Error).message}`;
  }
}
