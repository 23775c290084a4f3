// The rows the engine writes for what Baileys reports. Each function returns writes not yet
// run (row writes or Prisma operations) so the work queue can batch them into one transaction.

import { randomUUID } from "node:crypto";
import {
  BufferJSON,
  type Chat,
  type Contact,
  type GroupMetadata,
  jidNormalizedUser,
  type proto,
  type WAMessage,
} from "@whiskeysockets/baileys";
import type { PrismaClient } from "../db/client.ts";
import { type Column, type ColumnType, type RowWrite, upsertRows } from "../db/row-writes.ts";
import { type MessageStatus, statusName, summarize, toDate } from "./content.ts";

const STATUS_ORDER: MessageStatus[] = ["PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED"];

export type MessageSource = "notify" | "append" | "history" | "send";

export function messageKeyOf(message: WAMessage) {
  return {
    chatJid: jidNormalizedUser(message.key.remoteJid ?? ""),
    keyId: message.key.id ?? "",
    fromMe: Boolean(message.key.fromMe),
  };
}

const MESSAGE_COLUMNS: Column[] = [
  ["instanceId", "text"],
  ["chatJid", "text"],
  ["keyId", "text"],
  ["fromMe", "bool"],
  ["participant", "text"],
  ["pushName", "text"],
  ["messageType", "text"],
  ["text", "text"],
  ["content", "text"],
  ["status", "text"],
  ["source", "text"],
  ["timestamp", "timestamp"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];

const CHAT_FIELDS: Record<string, ColumnType> = {
  name: "text",
  unreadCount: "int",
  archived: "bool",
  pinned: "bool",
  lastMessageAt: "timestamp",
};

const CONTACT_FIELDS: Record<string, ColumnType> = {
  lid: "text",
  name: "text",
  notify: "text",
  verifiedName: "text",
  imgUrl: "text",
};

/**
 * Stores messages once per key (a duplicate is a no-op) and moves their chats forward: two
 * statements whatever the count, since a burst of inbound messages cannot afford a statement
 * per message.
 */
export function saveMessages(instanceId: string, messages: WAMessage[], source: MessageSource): RowWrite[] {
  const now = new Date();
  const rows: unknown[][] = [];
  const seen = new Set<string>();
  const lastByChat = new Map<string, Date>();
  for (const message of messages) {
    const key = messageKeyOf(message);
    const unique = `${key.chatJid}|${key.keyId}|${key.fromMe}`;
    if (!key.keyId || !key.chatJid || seen.has(unique)) continue;
    seen.add(unique);
    const { type, text } = summarize(message.message);
    const timestamp = toDate(message.messageTimestamp as number);
    const status = statusName(message.status) ?? (key.fromMe ? "PENDING" : null);
    const content = JSON.stringify(message.message ?? null, BufferJSON.replacer);
    rows.push([
      instanceId,
      key.chatJid,
      key.keyId,
      key.fromMe,
      message.key.participant ?? null,
      message.pushName ?? null,
      type,
      text,
      content,
      status,
      source,
      timestamp,
      now,
      now,
    ]);
    const last = lastByChat.get(key.chatJid);
    if (!last || last < timestamp) lastByChat.set(key.chatJid, timestamp);
  }
  if (rows.length === 0) return [];
  return [
    upsertRows("Message", MESSAGE_COLUMNS, rows, {
      on: ["instanceId", "chatJid", "keyId", "fromMe"],
      update: [],
    }),
    ...upsertByJid(
      "Chat",
      instanceId,
      [...lastByChat].map(([jid, lastMessageAt]) => ({ jid, fields: { lastMessageAt } })),
      CHAT_FIELDS,
    ),
  ];
}

/** A row keyed by (instance, jid): the fields it sets, and the counts it adds to (`added`). */
interface JidRow {
  jid: string;
  fields: Record<string, unknown>;
  added?: Record<string, number>;
}

/**
 * Inserts or updates rows keyed by (instance, jid), setting only the fields each item has
 * and adding to the counts it adds to (a new row starts them at 0): one statement per
 * distinct set of columns (a burst's items mostly share one).
 */
function upsertByJid(
  table: string,
  instanceId: string,
  items: JidRow[],
  types: Record<string, ColumnType>,
): RowWrite[] {
  const now = new Date();
  // PostgreSQL refuses to update one row twice in a statement: the last item of a jid wins.
  const groups = new Map<string, { names: string[]; adds: string[]; rows: Map<string, unknown[]> }>();
  for (const { jid, fields, added = {} } of items) {
    const names = Object.keys(fields);
    const adds = Object.keys(added);
    const signature = `${names.join(",")}+${adds.join(",")}`;
    let group = groups.get(signature);
    if (!group) {
      group = { names, adds, rows: new Map() };
      groups.set(signature, group);
    }
    const values = [...names.map((name) => fields[name]), ...adds.map((name) => added[name])];
    group.rows.set(jid, [randomUUID(), instanceId, jid, ...values, now, now]);
  }
  return [...groups.values()].map(({ names, adds, rows }) =>
    upsertRows(
      table,
      [
        ["id", "text"],
        ["instanceId", "text"],
        ["jid", "text"],
        ...[...names, ...adds].map((name): Column => [name, types[name] ?? "text"]),
        ["createdAt", "timestamp"],
        ["updatedAt", "timestamp"],
      ],
      [...rows.values()],
      { on: ["instanceId", "jid"], update: [...names, "updatedAt"], add: adds },
    ),
  );
}

/** Applies a status (never backwards) to a stored message. */
export function saveMessageStatus(
  prisma: PrismaClient,
  instanceId: string,
  key: proto.IMessageKey,
  status: MessageStatus | null,
) {
  if (!status || !key.id || !key.remoteJid) return [];
  const lower = STATUS_ORDER.slice(0, Math.max(0, STATUS_ORDER.indexOf(status)));
  return [
    prisma.message.updateMany({
      where: {
        instanceId,
        chatJid: jidNormalizedUser(key.remoteJid),
        keyId: key.id,
        fromMe: Boolean(key.fromMe),
        OR: [{ status: null }, { status: { in: status === "ERROR" ? STATUS_ORDER : lower } }],
      },
      // Only rows whose status is lower are touched: a status never moves backwards.
      data: { status },
    }),
  ];
}

export function deleteMessages(prisma: PrismaClient, instanceId: string, keys: proto.IMessageKey[]) {
  return keys
    .filter((key) => key.id && key.remoteJid)
    .map((key) =>
      prisma.message.deleteMany({
        where: {
          instanceId,
          chatJid: jidNormalizedUser(key.remoteJid ?? ""),
          keyId: key.id ?? "",
          fromMe: Boolean(key.fromMe),
        },
      }),
    );
}

/**
 * How a change moves a chat's unread count: to a value, or up by new unread messages. -1 is
 * WhatsApp's value for a chat the phone marked unread; new messages count from 0 after it.
 */
export type UnreadChange = { set: number } | { add: number };

/** A change to a stored chat: the fields it carries, and what it does to the unread count. */
export interface ChatChange {
  jid: string;
  fields: Record<string, unknown>;
  unread?: UnreadChange;
}

/**
 * A chat as Baileys reports it, as a change. A chat (`chats.upsert`, history) carries its
 * unread count; `chats.update` carries what happened: n > 0 new unread messages, 0 read on
 * the phone, -1 marked unread on the phone (null: nothing to change).
 */
export function chatChange(chat: Partial<Chat>, reported: "chat" | "update"): ChatChange | undefined {
  if (!chat.id) return undefined;
  // Only what the change carries is written; the rest of a stored row stays.
  const fields: Record<string, unknown> = {};
  if (chat.name !== undefined) fields.name = chat.name ?? null;
  if (chat.archived !== undefined) fields.archived = Boolean(chat.archived);
  if (chat.pinned !== undefined) fields.pinned = Boolean(chat.pinned);
  if (chat.conversationTimestamp) fields.lastMessageAt = toDate(chat.conversationTimestamp as number);
  const count = chat.unreadCount;
  let unread: UnreadChange | undefined;
  if (typeof count === "number") {
    unread = reported === "update" && count > 0 ? { add: count } : { set: Math.max(-1, count) };
  }
  return { jid: jidNormalizedUser(chat.id), fields, unread };
}

/** The unread change of `first` then `next`. */
function followedBy(first: UnreadChange | undefined, next: UnreadChange | undefined) {
  if (!first || !next) return next ?? first;
  if ("set" in next) return next;
  return "set" in first ? { set: Math.max(first.set, 0) + next.add } : { add: first.add + next.add };
}

/** Writes chat changes in their order: one row per chat, the unread changes combined. */
export function saveChats(instanceId: string, changes: ChatChange[]): RowWrite[] {
  const byJid = new Map<string, ChatChange>();
  for (const change of changes) {
    const before = byJid.get(change.jid);
    byJid.set(
      change.jid,
      before
        ? {
            jid: change.jid,
            fields: { ...before.fields, ...change.fields },
            unread: followedBy(before.unread, change.unread),
          }
        : change,
    );
  }
  const rows: JidRow[] = [...byJid.values()].map(({ jid, fields, unread }) => {
    if (!unread) return { jid, fields };
    if ("set" in unread) return { jid, fields: { ...fields, unreadCount: unread.set } };
    return { jid, fields, added: { unreadCount: unread.add } };
  });
  return upsertByJid("Chat", instanceId, rows, CHAT_FIELDS);
}

export function deleteChats(prisma: PrismaClient, instanceId: string, jids: string[]) {
  return [
    prisma.chat.deleteMany({ where: { instanceId, jid: { in: jids.map((jid) => jidNormalizedUser(jid)) } } }),
  ];
}

export function saveContacts(instanceId: string, contacts: Partial<Contact>[]): RowWrite[] {
  const items: { jid: string; fields: Record<string, unknown> }[] = [];
  for (const contact of contacts) {
    if (!contact.id) continue;
    const fields: Record<string, unknown> = {};
    if (contact.lid !== undefined) fields.lid = contact.lid ?? null;
    if (contact.name !== undefined) fields.name = contact.name ?? null;
    if (contact.notify !== undefined) fields.notify = contact.notify ?? null;
    if (contact.verifiedName !== undefined) fields.verifiedName = contact.verifiedName ?? null;
    if (typeof contact.imgUrl === "string") fields.imgUrl = contact.imgUrl;
    items.push({ jid: jidNormalizedUser(contact.id), fields });
  }
  return upsertByJid("Contact", instanceId, items, CONTACT_FIELDS);
}

export function saveGroups(prisma: PrismaClient, instanceId: string, groups: Partial<GroupMetadata>[]) {
  return groups
    .filter((group) => group.id)
    .map((group) => {
      const fields = {
        ...(group.subject !== undefined ? { subject: group.subject } : {}),
        ...(group.owner !== undefined ? { owner: group.owner ?? null } : {}),
        ...(group.desc !== undefined ? { description: group.desc ?? null } : {}),
        ...(group.announce !== undefined ? { announce: group.announce ?? null } : {}),
        ...(group.restrict !== undefined ? { restrict: group.restrict ?? null } : {}),
        ...(group.size !== undefined ? { size: group.size ?? null } : {}),
        ...(group.creation ? { creation: toDate(group.creation) } : {}),
        ...(group.participants
          ? {
              participants: JSON.stringify(
                group.participants.map((p) => ({ id: p.id, admin: p.admin ?? null })),
              ),
            }
          : {}),
      };
      return prisma.group.upsert({
        where: { instanceId_jid: { instanceId, jid: group.id ?? "" } },
        create: { instanceId, jid: group.id ?? "", ...fields },
        update: fields,
      });
    });
}
