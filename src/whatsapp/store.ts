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

/**
 * Inserts or updates rows keyed by (instance, jid), setting only the fields each item has:
 * one statement per distinct set of fields (a burst's items mostly share one).
 */
function upsertByJid(
  table: string,
  instanceId: string,
  items: { jid: string; fields: Record<string, unknown> }[],
  types: Record<string, ColumnType>,
): RowWrite[] {
  const now = new Date();
  // PostgreSQL refuses to update one row twice in a statement: the last item of a jid wins.
  const groups = new Map<string, { names: string[]; rows: Map<string, unknown[]> }>();
  for (const { jid, fields } of items) {
    const names = Object.keys(fields);
    const signature = names.join(",");
    let group = groups.get(signature);
    if (!group) {
      group = { names, rows: new Map() };
      groups.set(signature, group);
    }
    group.rows.set(jid, [randomUUID(), instanceId, jid, ...names.map((name) => fields[name]), now, now]);
  }
  return [...groups.values()].map(({ names, rows }) =>
    upsertRows(
      table,
      [
        ["id", "text"],
        ["instanceId", "text"],
        ["jid", "text"],
        ...names.map((name): Column => [name, types[name] ?? "text"]),
        ["createdAt", "timestamp"],
        ["updatedAt", "timestamp"],
      ],
      [...rows.values()],
      { on: ["instanceId", "jid"], update: [...names, "updatedAt"] },
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

export function saveChats(instanceId: string, chats: Partial<Chat>[]): RowWrite[] {
  const items: { jid: string; fields: Record<string, unknown> }[] = [];
  for (const chat of chats) {
    if (!chat.id) continue;
    // Only what the update carries is written; the rest of a stored row stays.
    const fields: Record<string, unknown> = {};
    if (chat.name !== undefined) fields.name = chat.name ?? null;
    if (typeof chat.unreadCount === "number") fields.unreadCount = Math.max(0, chat.unreadCount);
    if (chat.archived !== undefined) fields.archived = Boolean(chat.archived);
    if (chat.pinned !== undefined) fields.pinned = Boolean(chat.pinned);
    if (chat.conversationTimestamp) fields.lastMessageAt = toDate(chat.conversationTimestamp as number);
    items.push({ jid: jidNormalizedUser(chat.id), fields });
  }
  return upsertByJid("Chat", instanceId, items, CHAT_FIELDS);
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
