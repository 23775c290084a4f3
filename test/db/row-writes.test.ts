// Row writes: many rows bound as one JSON parameter, read back through Prisma, on the
// suite's database (SQLite, or PostgreSQL in CI's second run).

import { randomUUID } from "node:crypto";
import type { Chat } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { type Column, deleteRows, upsertRows } from "../../src/db/row-writes.ts";
import { chatChange, saveChats } from "../../src/whatsapp/store.ts";
import { appWithInstance } from "../support/fixtures.ts";

const fixture = appWithInstance();

const CHAT_COLUMNS: Column[] = [
  ["id", "text"],
  ["instanceId", "text"],
  ["jid", "text"],
  ["name", "text"],
  ["unreadCount", "int"],
  ["archived", "bool"],
  ["lastMessageAt", "timestamp"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];
const ON_JID = ["instanceId", "jid"];

const chatRow = (jid: string, name: string | null, unread: number, archived: boolean, at: Date) => {
  const now = new Date();
  return [randomUUID(), fixture.instance.uuid, jid, name, unread, archived, at, now, now];
};
const chats = () =>
  fixture.running.app.services.prisma.chat.findMany({
    where: { instanceId: fixture.instance.uuid },
    orderBy: { jid: "asc" },
  });

describe("row writes", () => {
  it("stores every column type as Prisma reads it, and updates only the named columns", async () => {
    const { db } = fixture.running.app.services;
    const at = new Date("2026-11-22T05:06:07.089Z");
    const odd = `quote " backslash \\ newline \n emoji 🙂 ${"x".repeat(2000)}`;
    await db.write([
      upsertRows(
        "Chat",
        CHAT_COLUMNS,
        [chatRow("a@s.whatsapp.net", odd, 3, true, at), chatRow("b@s.whatsapp.net", null, 0, false, at)],
        { on: ON_JID, update: [] },
      ),
    ]);
    let stored = await chats();
    expect(stored.map((chat) => [chat.jid, chat.name, chat.unreadCount, chat.archived])).toEqual([
      ["a@s.whatsapp.net", odd, 3, true],
      ["b@s.whatsapp.net", null, 0, false],
    ]);
    expect(stored[0].lastMessageAt?.toISOString()).toBe(at.toISOString());
    // Prisma filters on the stored timestamps and booleans like on its own rows.
    const prisma = fixture.running.app.services.prisma;
    expect(
      await prisma.chat.count({ where: { instanceId: fixture.instance.uuid, lastMessageAt: { gte: at } } }),
    ).toBe(2);
    expect(await prisma.chat.count({ where: { instanceId: fixture.instance.uuid, archived: true } })).toBe(1);

    // A colliding row: DO NOTHING keeps the stored one, an update changes only what it names.
    const later = new Date(at.getTime() + 60_000);
    await db.write([
      upsertRows("Chat", CHAT_COLUMNS, [chatRow("a@s.whatsapp.net", "ignored", 9, false, later)], {
        on: ON_JID,
        update: [],
      }),
      upsertRows("Chat", CHAT_COLUMNS, [chatRow("b@s.whatsapp.net", "Bee", 7, true, later)], {
        on: ON_JID,
        update: ["name", "unreadCount"],
      }),
    ]);
    stored = await chats();
    expect(stored.map((chat) => [chat.jid, chat.name, chat.unreadCount, chat.archived])).toEqual([
      ["a@s.whatsapp.net", odd, 3, true],
      ["b@s.whatsapp.net", "Bee", 7, false],
    ]);
    expect(stored[1].lastMessageAt?.toISOString()).toBe(at.toISOString());
  });

  it("stores text PostgreSQL's JSON refuses: NUL and lone surrogates", async () => {
    const { db } = fixture.running.app.services;
    const names = [
      "nul \u0000 inside",
      "lone \ud800 surrogate",
      "literal \\ud800 and \\u0000 text",
      "pair 🙂",
    ];
    await db.write([
      upsertRows(
        "Chat",
        CHAT_COLUMNS,
        names.map((name, index) => chatRow(`text${index}@s.whatsapp.net`, name, 0, false, new Date())),
        { on: ON_JID, update: [] },
      ),
    ]);
    const stored = (await chats()).filter((chat) => chat.jid.startsWith("text"));
    expect(stored).toHaveLength(4);
    expect(stored[0].name).toMatch(/^nul .* inside$/);
    expect(stored[1].name).toMatch(/^lone .* surrogate$/);
    expect(stored[2].name).toBe(names[2]);
    expect(stored[3].name).toBe(names[3]);
  });

  it("deletes the rows whose listed columns all match", async () => {
    const { db } = fixture.running.app.services;
    const at = new Date();
    const jids = Array.from({ length: 1200 }, (_, index) => `${5550000 + index}@s.whatsapp.net`);
    await db.write([
      upsertRows(
        "Chat",
        CHAT_COLUMNS,
        jids.map((jid) => chatRow(jid, null, 0, false, at)),
        { on: ON_JID, update: [] },
      ),
    ]);
    const before = (await chats()).length;
    const keyColumns: Column[] = [
      ["instanceId", "text"],
      ["jid", "text"],
    ];
    await db.write([
      deleteRows(
        "Chat",
        keyColumns,
        // Another instance's id matches nothing.
        [...jids.slice(0, 1000).map((jid) => [fixture.instance.uuid, jid]), [randomUUID(), jids[1100]]],
      ),
    ]);
    const after = await chats();
    expect(after).toHaveLength(before - 1000);
    expect(after.some((chat) => chat.jid === jids[1100])).toBe(true);
  });

  it("writes nothing of a transaction that fails, and the next one still runs", async () => {
    const { db, prisma } = fixture.running.app.services;
    const at = new Date();
    const before = (await chats()).length;
    const good = upsertRows("Chat", CHAT_COLUMNS, [chatRow("good@s.whatsapp.net", null, 0, false, at)], {
      on: ON_JID,
      update: [],
    });
    // unreadCount is NOT NULL: the second statement fails after the first one ran.
    const bad = upsertRows("Chat", CHAT_COLUMNS, [chatRow("bad@s.whatsapp.net", null, 0, false, at)], {
      on: ON_JID,
      update: [],
    });
    bad.rows[0][4] = null;
    await expect(db.write([good, bad])).rejects.toThrow();
    // The same with a Prisma operation in the batch (the ORM's own transaction).
    await expect(
      db.write([
        good,
        prisma.chat.create({ data: { instanceId: randomUUID(), jid: "orphan@s.whatsapp.net" } }),
      ]),
    ).rejects.toThrow();
    expect(await chats()).toHaveLength(before);

    await db.write([
      good,
      prisma.chat.updateMany({ where: { jid: "good@s.whatsapp.net" }, data: { name: "Good" } }),
    ]);
    const stored = await chats();
    expect(stored).toHaveLength(before + 1);
    expect(stored.find((chat) => chat.jid === "good@s.whatsapp.net")?.name).toBe("Good");
  });
});

describe("chat unread counts", () => {
  const write = (chats: Partial<Chat>[], reported: "chat" | "update") =>
    fixture.running.app.services.db.write(
      saveChats(
        fixture.instance.uuid,
        chats.flatMap((chat) => chatChange(chat, reported) ?? []),
      ),
    );
  const unreadOf = async (jid: string) =>
    (
      await fixture.running.app.services.prisma.chat.findUniqueOrThrow({
        where: { instanceId_jid: { instanceId: fixture.instance.uuid, jid } },
      })
    ).unreadCount;

  it("adds new unread messages to the stored count, in one write or several", async () => {
    const jid = "unread-a@s.whatsapp.net";
    await write(
      [
        { id: jid, unreadCount: 1 },
        { id: jid, unreadCount: 1 },
      ],
      "update",
    );
    expect(await unreadOf(jid)).toBe(2);
    await write([{ id: jid, unreadCount: 3 }], "update");
    expect(await unreadOf(jid)).toBe(5);
    // A chat as WhatsApp reports it (history, upsert) carries its count.
    await write([{ id: jid, unreadCount: 4 }], "chat");
    expect(await unreadOf(jid)).toBe(4);
  });

  it("takes a read (0) and a mark as unread (-1) in order with the messages around them", async () => {
    const jid = "unread-b@s.whatsapp.net";
    await write([{ id: jid, unreadCount: 2 }], "update");
    await write(
      [
        { id: jid, unreadCount: 1 },
        { id: jid, unreadCount: 0 },
        { id: jid, unreadCount: 1 },
      ],
      "update",
    );
    expect(await unreadOf(jid)).toBe(1);
    await write([{ id: jid, unreadCount: -1 }], "update");
    expect(await unreadOf(jid)).toBe(-1);
    // Counted from 0 after the mark, stored or in the same write.
    await write([{ id: jid, unreadCount: 2 }], "update");
    expect(await unreadOf(jid)).toBe(2);
    await write(
      [
        { id: jid, unreadCount: -1 },
        { id: jid, unreadCount: 1 },
      ],
      "update",
    );
    expect(await unreadOf(jid)).toBe(1);
    // null (a read during the first sync) changes nothing.
    await write([{ id: jid, unreadCount: null }], "update");
    expect(await unreadOf(jid)).toBe(1);
  });
});
