// The SQLite database, and the key file that seals its secrets, are private to the user
// running the gateway, whatever the umask; so is the folder made for them.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { ACCOUNT_TOKEN } from "../support/app.ts";
import { createInstance } from "../support/fixtures.ts";

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The gateway on `file:<path>`, with its log lines kept. */
async function startOn(path: string) {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const config = loadConfig({ PORT: "0", DATABASE_URL: `file:${path}`, ACCOUNT_TOKEN, LOG_LEVEL: "warn" });
  const app = await createApp(config, pino({ level: "warn" }, sink));
  const url = await app.listen();
  return { app, url, warnings: () => lines.filter((line) => line.level === 40).map((line) => line.msg) };
}

describe("SQLite file modes", () => {
  const root = mkdtempSync(join(tmpdir(), "wagraph-modes-"));
  let umask: number;
  beforeEach(() => {
    // Nothing would be private under umask 0 unless the gateway makes it so.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates the folders 0700 and the file, -wal and -shm 0600, and leaves existing folders alone", async () => {
    const existing = join(root, "existing");
    mkdirSync(existing, { mode: 0o755 });
    const path = join(existing, "made", "here", "w.db");
    const gateway = await startOn(path);
    try {
      await createInstance(gateway.url);
      // While the app runs, its writes sit in the write-ahead log.
      expect(existsSync(`${path}-wal`)).toBe(true);
      expect(modeOf(existing)).toBe(0o755);
      expect(modeOf(join(existing, "made"))).toBe(0o700);
      expect(modeOf(join(existing, "made", "here"))).toBe(0o700);
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
      expect(modeOf(`${path}.key`)).toBe(0o600);
      expect(gateway.warnings()).toEqual([]);
    } finally {
      await gateway.app.close();
    }
  });

  it("makes an existing file that others may read private, with a warning", async () => {
    const path = join(root, "open.db");
    const first = await startOn(path);
    await first.app.close();
    chmodSync(path, 0o644);
    writeFileSync(`${path}-journal`, "");
    chmodSync(`${path}-journal`, 0o666);
    chmodSync(`${path}.key`, 0o604);

    const second = await startOn(path);
    await second.app.close();
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-journal`)).toBe(0o600);
    expect(modeOf(`${path}.key`)).toBe(0o600);
    expect(second.warnings()).toEqual([
      `${path} was open to other users (0644): its mode is now 0600`,
      `${path}-journal was open to other users (0666): its mode is now 0600`,
      `${path}.key was open to other users (0604): its mode is now 0600`,
    ]);
  });

  it("leaves a file shared with its group only as it is", async () => {
    const path = join(root, "group.db");
    const first = await startOn(path);
    await first.app.close();
    chmodSync(path, 0o640);
    chmodSync(`${path}.key`, 0o640);

    const second = await startOn(path);
    await second.app.close();
    expect(modeOf(path)).toBe(0o640);
    expect(modeOf(`${path}.key`)).toBe(0o640);
    expect(second.warnings()).toEqual([]);
  });

  it("refuses to start on a key file that holds no key", async () => {
    const path = join(root, "bad-key.db");
    writeFileSync(`${path}.key`, "not a key\n");
    await expect(startOn(path)).rejects.toThrow(
      `${path}.key does not hold a secrets key (32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits)`,
    );
  });
});
