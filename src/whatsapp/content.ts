import {
  getContentType,
  jidNormalizedUser,
  normalizeMessageContent,
  type proto,
} from "@whiskeysockets/baileys";

/** A JID without its device part: `1555…:3@s.whatsapp.net` is `1555…@s.whatsapp.net`. */
export function normalizedJid(jid: string): string {
  return jidNormalizedUser(jid);
}

/** The common shape of a message's content, for storage columns and typed GraphQL fields. */
export interface MessageSummary {
  type: string;
  text: string | null;
}

export function summarize(message: unknown): MessageSummary {
  const content = normalizeMessageContent((message ?? null) as proto.IMessage | null);
  const type = (content && getContentType(content)) ?? "unknown";
  if (!content) return { type, text: null };
  const text =
    content.conversation ??
    content.extendedTextMessage?.text ??
    content.imageMessage?.caption ??
    content.videoMessage?.caption ??
    content.documentMessage?.caption ??
    content.reactionMessage?.text ??
    content.pollCreationMessage?.name ??
    content.pollCreationMessageV3?.name ??
    content.locationMessage?.name ??
    content.contactMessage?.displayName ??
    null;
  return { type, text };
}

const STATUS_NAMES = ["ERROR", "PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED"] as const;
export type MessageStatus = (typeof STATUS_NAMES)[number];

export function statusName(status: number | null | undefined): MessageStatus | null {
  return status === null || status === undefined ? null : (STATUS_NAMES[status] ?? null);
}

export function toDate(timestamp: number | Long | null | undefined): Date {
  if (timestamp === null || timestamp === undefined) return new Date();
  const seconds = typeof timestamp === "number" ? timestamp : Number(timestamp.toString());
  return new Date(seconds * 1000);
}

type Long = { toString(): string };
