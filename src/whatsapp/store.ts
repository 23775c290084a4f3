// The rows the engine writes for what Baileys reports. Each function returns Prisma
// operations (not yet run) so the work queue can batch them into one transaction.
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
import { laterStatus, type MessageStatus, statusName, summarize, toDate } from "./content.ts";

const STATUS_ORDER: MessageStatus[] = ["PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED"];

export type MessageSource = "notify" | "append" | "history" | "send";

export function messageKeyOf(message: WAMessage) {
  return {
    chatJid: jidNormalizedUser(message.key.remoteJid ?? ""),
    keyId: message.key.id ?? "",
    fromMe: Boolean(message.key.fromMe),
  };
}

/** Stores messages once per key (a duplicate is a no-op) and moves their chats forward. */
export function saveMessages(
  prisma: PrismaClient,
  instanceId: string,
  messages: WAMessage[],
  source: MessageSource,
) {
  const writes: unknown[] = [];
  const lastByChat = new Map<string, Date>();
  for (const message of messages) {
    const key = messageKeyOf(message);
    if (!key.keyId || !key.chatJid) continue;
    const { type, text } = summarize(message.message);
    const timestamp = toDate(message.messageTimestamp as number);
    writes.push(
      prisma.message.upsert({
        where: { instanceId_chatJid_keyId_fromMe: { instanceId, ...key } },
        create: {
          instanceId,
          ...key,
          participant: message.key.participant ?? null,
          pushName: message.pushName ?? null,
          messageType: type,
          text,
          content: JSON.stringify(message.message ?? null, BufferJSON.replacer),
          status: statusName(message.status) ?? (key.fromMe ? "PENDING" : null),
          source,
          timestamp,
        },
        update: {},
      }),
    );
    const last = lastByChat.get(key.chatJid);
    if (!last || last < timestamp) lastByChat.set(key.chatJid, timestamp);
  }
  for (const [jid, lastMessageAt] of lastByChat) {
    writes.push(
      prisma.chat.upsert({
        where: { instanceId_jid: { instanceId, jid } },
        create: { instanceId, jid, lastMessageAt },
        update: { lastMessageAt },
      }),
    );
  }
  return writes;
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
      data: { status: laterStatus(null, status) },
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
