// The rows the engine writes for what Baileys reports. Each function returns Prisma
// operations (not yet run) so the work queue can batch them into one transaction.

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
import { Prisma } from "../generated/sqlite/client.ts";
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

/**
 * Stores messages once per key (a duplicate is a no-op) and moves their chats forward.
 * Two multi-row statements whatever the count: ORM upserts cost about a millisecond each,
 * which a burst of inbound messages cannot afford. The SQL is the same on SQLite and
 * PostgreSQL (INSERT … ON CONFLICT).
 */
export function saveMessages(
  prisma: PrismaClient,
  instanceId: string,
  messages: WAMessage[],
  source: MessageSource,
) {
  const now = new Date();
  const rows: Prisma.Sql[] = [];
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
    rows.push(
      Prisma.sql`(${instanceId}, ${key.chatJid}, ${key.keyId}, ${key.fromMe}, ${message.key.participant ?? null}, ${message.pushName ?? null}, ${type}, ${text}, ${content}, ${status}, ${source}, ${timestamp}, ${now}, ${now})`,
    );
    const last = lastByChat.get(key.chatJid);
    if (!last || last < timestamp) lastByChat.set(key.chatJid, timestamp);
  }
  if (rows.length === 0) return [];
  const chats = [...lastByChat].map(
    ([jid, at]) => Prisma.sql`(${randomUUID()}, ${instanceId}, ${jid}, ${at}, ${now}, ${now})`,
  );
  return [
    prisma.$executeRaw`INSERT INTO "Message" ("instanceId", "chatJid", "keyId", "fromMe", "participant", "pushName", "messageType", "text", "content", "status", "source", "timestamp", "createdAt", "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("instanceId", "chatJid", "keyId", "fromMe") DO NOTHING`,
    prisma.$executeRaw`INSERT INTO "Chat" ("id", "instanceId", "jid", "lastMessageAt", "createdAt", "updatedAt")
      VALUES ${Prisma.join(chats)}
      ON CONFLICT ("instanceId", "jid") DO UPDATE SET "lastMessageAt" = excluded."lastMessageAt", "updatedAt" = excluded."updatedAt"`,
  ];
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

export function saveChats(prisma: PrismaClient, instanceId: string, chats: Partial<Chat>[]) {
  return chats
    .filter((chat) => chat.id)
    .map((chat) => {
      const fields = {
        ...(chat.name !== undefined ? { name: chat.name ?? null } : {}),
        ...(typeof chat.unreadCount === "number" ? { unreadCount: Math.max(0, chat.unreadCount) } : {}),
        ...(chat.archived !== undefined ? { archived: Boolean(chat.archived) } : {}),
        ...(chat.pinned !== undefined ? { pinned: Boolean(chat.pinned) } : {}),
        ...(chat.conversationTimestamp
          ? { lastMessageAt: toDate(chat.conversationTimestamp as number) }
          : {}),
      };
      const jid = jidNormalizedUser(chat.id ?? "");
      return prisma.chat.upsert({
        where: { instanceId_jid: { instanceId, jid } },
        create: { instanceId, jid, ...fields },
        update: fields,
      });
    });
}

export function deleteChats(prisma: PrismaClient, instanceId: string, jids: string[]) {
  return [
    prisma.chat.deleteMany({ where: { instanceId, jid: { in: jids.map((jid) => jidNormalizedUser(jid)) } } }),
  ];
}

export function saveContacts(prisma: PrismaClient, instanceId: string, contacts: Partial<Contact>[]) {
  return contacts
    .filter((contact) => contact.id)
    .map((contact) => {
      const fields = {
        ...(contact.lid !== undefined ? { lid: contact.lid ?? null } : {}),
        ...(contact.name !== undefined ? { name: contact.name ?? null } : {}),
        ...(contact.notify !== undefined ? { notify: contact.notify ?? null } : {}),
        ...(contact.verifiedName !== undefined ? { verifiedName: contact.verifiedName ?? null } : {}),
        ...(typeof contact.imgUrl === "string" ? { imgUrl: contact.imgUrl } : {}),
      };
      const jid = jidNormalizedUser(contact.id ?? "");
      return prisma.contact.upsert({
        where: { instanceId_jid: { instanceId, jid } },
        create: { instanceId, jid, ...fields },
        update: fields,
      });
    });
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
