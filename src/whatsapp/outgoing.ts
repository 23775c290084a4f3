// What the gateway sends through a session, in its own terms: the services never see a
// Baileys socket, message or content type.
import { type AnyMessageContent, BufferJSON, type WAMessage } from "@whiskeysockets/baileys";
import type { PrismaClient } from "../db/client.ts";
import type { Session } from "./session.ts";
import { messageKeyOf, saveMessages } from "./store.ts";

export interface MessageKey {
  chatJid: string;
  keyId: string;
  fromMe: boolean;
}

/** A message to quote: its chat and id, and whether it was sent by the account when known. */
export interface QuotedKey {
  chatJid: string;
  keyId: string;
  fromMe?: boolean;
}

export type MediaKind = "image" | "video" | "audio" | "document";

export type OutgoingContent =
  | { text: string; mentions?: string[] }
  | {
      media: MediaKind;
      data: Buffer;
      mimetype?: string;
      caption?: string;
      fileName?: string;
      voiceNote?: boolean;
    }
  | { location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { contact: { displayName: string; vcard: string } }
  | { reaction: { emoji: string; key: MessageKey } }
  | { poll: { name: string; options: string[]; selectableCount: number } };

export type Presence = "available" | "unavailable" | "composing" | "recording" | "paused";

/** The session is not open: nothing can be sent now. */
export class SessionNotOpenError extends Error {}

/** WhatsApp refused or failed the operation. */
export class SendFailedError extends Error {}

function baileysContent(content: OutgoingContent): AnyMessageContent {
  if ("text" in content)
    return { text: content.text, ...(content.mentions ? { mentions: content.mentions } : {}) };
  if ("location" in content) {
    const { latitude, longitude, name, address } = content.location;
    return { location: { degreesLatitude: latitude, degreesLongitude: longitude, name, address } };
  }
  if ("contact" in content) {
    return { contacts: { displayName: content.contact.displayName, contacts: [content.contact] } };
  }
  if ("reaction" in content) {
    const { key, emoji } = content.reaction;
    return { react: { text: emoji, key: { remoteJid: key.chatJid, id: key.keyId, fromMe: key.fromMe } } };
  }
  if ("poll" in content) {
    const { name, options, selectableCount } = content.poll;
    return { poll: { name, values: options, selectableCount } };
  }
  const { media, data, mimetype, caption, fileName, voiceNote } = content;
  if (media === "image") return { image: data, mimetype, caption };
  if (media === "video") return { video: data, mimetype, caption };
  if (media === "audio")
    return { audio: data, mimetype: mimetype ?? "audio/ogg; codecs=opus", ptt: Boolean(voiceNote) };
  return {
    document: data,
    mimetype: mimetype ?? "application/octet-stream",
    fileName: fileName ?? "file",
    caption,
  };
}

function openSocket(session: Session | undefined) {
  if (!session?.sock || session.status !== "open") throw new SessionNotOpenError();
  return session.sock;
}

/**
 * Sends a message, then stores it and emits sendMessage through the session's queue (one
 * event path); resolves with its key once stored. `quoted` must be a stored message.
 */
export async function sendThrough(
  session: Session | undefined,
  prisma: PrismaClient,
  to: string,
  content: OutgoingContent,
  quoted?: QuotedKey,
): Promise<MessageKey> {
  const sock = openSocket(session);
  const quotedMessage = quoted ? await storedMessage(prisma, session?.instance.id ?? "", quoted) : undefined;
  let sent: WAMessage | undefined;
  try {
    sent = await sock.sendMessage(
      to,
      baileysContent(content),
      quotedMessage ? { quoted: quotedMessage } : {},
    );
  } catch (error) {
    throw new SendFailedError(`WhatsApp did not accept the message: ${(error as Error).message}`);
  }
  if (!sent || !session) throw new SendFailedError("WhatsApp did not return the sent message");
  const message = sent;
  const { id, name } = session.instance;
  await session.queue.pushAndWait({
    writes: () => saveMessages(id, [message], "send"),
    events: [{ instanceId: id, instanceName: name, type: "sendMessage", data: message }],
  });
  return messageKeyOf(message);
}

export async function markReadThrough(session: Session | undefined, keys: MessageKey[]): Promise<void> {
  await openSocket(session).readMessages(
    keys.map((key) => ({ remoteJid: key.chatJid, id: key.keyId, fromMe: key.fromMe })),
  );
}

export async function sendPresenceThrough(session: Session | undefined, presence: Presence, to: string) {
  await openSocket(session).sendPresenceUpdate(presence, to);
}

async function storedMessage(
  prisma: PrismaClient,
  instanceId: string,
  key: QuotedKey,
): Promise<WAMessage | undefined> {
  const row = await prisma.message.findFirst({
    where: {
      instanceId,
      chatJid: key.chatJid,
      keyId: key.keyId,
      ...(key.fromMe === undefined ? {} : { fromMe: key.fromMe }),
    },
  });
  if (!row) return undefined;
  return {
    key: {
      remoteJid: row.chatJid,
      id: row.keyId,
      fromMe: row.fromMe,
      participant: row.participant ?? undefined,
    },
    message: JSON.parse(row.content, BufferJSON.reviver),
  };
}
