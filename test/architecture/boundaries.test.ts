// Baileys stays inside src/whatsapp/: the rest of the gateway speaks of messages, keys and
// events in its own types, so an upgrade of Baileys touches one folder.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const outside = sources(SRC).filter((path) => !relative(SRC, path).startsWith("whatsapp"));

describe("module boundaries", () => {
  it("only src/whatsapp/ imports Baileys", () => {
    const importing = outside.filter((path) =>
      /from "@whiskeysockets\/baileys"/.test(readFileSync(path, "utf8")),
    );
    expect(importing.map((path) => relative(SRC, path))).toEqual([]);
  });

  it("no other folder reaches into a session's socket or queue", () => {
    const reaching = outside.filter((path) =>
      /\bsession\??\.(sock|queue)\b|engine\.session\(/.test(readFileSync(path, "utf8")),
    );
    expect(reaching.map((path) => relative(SRC, path))).toEqual([]);
  });
});
