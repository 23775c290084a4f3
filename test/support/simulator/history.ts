import { deflateSync } from "node:zlib";
import { type BinaryNode, proto } from "@whiskeysockets/baileys";
import type { Directory, User } from "./directory.ts";
import { newMessageId, nowSeconds } from "./stanzas.ts";

/** A chat of the phone's history (a `Conversation` of the INITIAL_BOOTSTRAP sync). */
export type HistoryChat = {
  /** Phone number, user jid or group jid. */
  jid: string;
  /** Chat name (Baileys also takes it as the contact's name of a 1:1 chat). */
  name?: string;
  unreadCount?: number;
  archived?: boolean;
  pinned?: boolean;
  /** Last activity; defaults to the newest message of the chat. */
  timestamp?: number | Date;
};

/** Someone the phone knows: a saved (address book) name and/or their own push name. */
export type HistoryContact = {
  /** Phone number or user jid. */
  jid: string;
  /** Saved name: the display name of the contact's conversation. */
  name?: string;
  /** Push name: sent in the PUSH_NAME sync (Baileys' `notify`). */
  notify?: string;
};

export type HistoryMessageStatus = "PENDING" | "SERVER_ACK" | "DELIVERY_ACK" | "READ" | "PLAYED";

/** A past text message of a chat. */
export type HistoryMessage = {
  /** Phone number, user jid or group jid of the chat. */
  chat: string;
  text: string;
  /** Sent by the account (from any of its devices); default false. */
  fromMe?: boolean;
  id?: string;
  /** Seconds or a Date; defaults to one minute apart, in list order, ending a minute ago. */
  timestamp?: number | Date;
  /** Author in a group chat (phone number or jid); required there unless fromMe. */
  participant?: string;
  /** Sender's push name; defaults to the contact's `notify`. */
  pushName?: string;
  /** Status of an own message. */
  status?: HistoryMessageStatus;
};

/** What the phone sends a newly linked device as its history. */
export type PhoneHistory = {
  chats?: HistoryChat[];
  contacts?: HistoryContact[];
  messages?: HistoryMessage[];
};

const PN_SERVER = "@s.whatsapp.net";

/** `15550001111` -> `15550001111@s.whatsapp.net`; jids pass unchanged. */
export function toJid(phoneOrJid: string): string {
  if (phoneOrJid.includes("@")) return phoneOrJid;
  return `${phoneOrJid.replace(/^\+/, "").replace(/\D/g, "")}${PN_SERVER}`;
}

const seconds = (t: number | Date): number => (t instanceof Date ? Math.floor(t.getTime() / 1000) : t);

/** The HistorySync chunks for a history, INITIAL_BOOTSTRAP first, PUSH_NAME second. */
export function historyChunks(
  owner: User,
  directory: Directory,
  history: PhoneHistory = {},
): proto.IHistorySync[] {
  const contacts = new Map((history.contacts ?? []).map((c) => [toJid(c.jid), c]));
  const conversations = new Map<string, proto.IConversation>();
  const conversation = (jid: string): proto.IConversation => {
    let found = conversations.get(jid);
    if (!found) {
      found = { id: jid, messages: [] };
      // 1:1 chats carry the contact's LID, as WhatsApp's history does.
      if (jid.endsWith(PN_SERVER)) {
        const resolved = directory.resolve(jid);
        if (resolved) found.lidJid = resolved.user.lidJid;
      }
      conversations.set(jid, found);
    }
    return found;
  };
  for (const chat of history.chats ?? []) {
    const entry = conversation(toJid(chat.jid));
    if (chat.name !== undefined) entry.name = chat.name;
    if (chat.unreadCount !== undefined) entry.unreadCount = chat.unreadCount;
    if (chat.archived !== undefined) entry.archived = chat.archived;
    if (chat.pinned) entry.pinned = seconds(chat.timestamp ?? new Date());
    if (chat.timestamp !== undefined) entry.conversationTimestamp = seconds(chat.timestamp);
  }
  const messages = history.messages ?? [];
  const firstDefault = Math.floor(Date.now() / 1000) - 60 * messages.length;
  const byChat = new Map<string, proto.IWebMessageInfo[]>();
  messages.forEach((m, index) => {
    const chat = toJid(m.chat);
    const participant = m.participant ? toJid(m.participant) : undefined;
    const author = participant ?? chat;
    const info: proto.IWebMessageInfo = {
      key: { remoteJid: chat, fromMe: Boolean(m.fromMe), id: m.id ?? newMessageId(), participant },
      message: { conversation: m.text },
      messageTimestamp: m.timestamp !== undefined ? seconds(m.timestamp) : firstDefault + 60 * index,
    };
    const pushName = m.fromMe ? owner.pushName : (m.pushName ?? contacts.get(author)?.notify);
    if (pushName) info.pushName = pushName;
    if (m.status) info.status = proto.WebMessageInfo.Status[m.status];
    const list = byChat.get(chat) ?? [];
    list.push(info);
    byChat.set(chat, list);
  });
  for (const [jid, list] of byChat) {
    const entry = conversation(jid);
    // WhatsApp lists a conversation's messages newest first.
    list.sort((a, b) => Number(b.messageTimestamp) - Number(a.messageTimestamp));
    entry.messages = list.map((message, index) => ({ message, msgOrderId: list.length - index }));
    entry.conversationTimestamp ??= Number(list[0]?.messageTimestamp);
  }
  // Saved names travel as the display name of the contact's conversation.
  for (const [jid, contact] of contacts) {
    if (contact.name !== undefined) conversation(jid).displayName = contact.name;
  }
  const chunks: proto.IHistorySync[] = [
    {
      syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
      conversations: [...conversations.values()],
      chunkOrder: 0,
      progress: 100,
    },
  ];
  const pushnames = [...contacts]
    .filter(([, c]) => c.notify !== undefined)
    .map(([id, c]) => ({ id, pushname: c.notify }));
  if (pushnames.length) {
    chunks.push({
      syncType: proto.HistorySync.HistorySyncType.PUSH_NAME,
      pushnames: [{ id: owner.pnJid, pushname: owner.pushName }, ...pushnames],
      chunkOrder: 1,
      progress: 100,
    });
  }
  return chunks;
}

/**
 * History sync notifications with inline (zlib) payloads, as the phone sends them after
 * the first login of a new companion. Without one Baileys waits 20 s before flushing its
 * buffered events. They come from the account's own number: Baileys only accepts history
 * sync from the account itself.
 */
export function historySyncMessages(owner: User, directory: Directory, history?: PhoneHistory): BinaryNode[] {
  return historyChunks(owner, directory, history).map((chunk) => {
    const message = proto.Message.encode({
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION,
        historySyncNotification: {
          syncType: chunk.syncType as number as proto.Message.HistorySyncType,
          chunkOrder: chunk.chunkOrder,
          progress: chunk.progress,
          initialHistBootstrapInlinePayload: deflateSync(proto.HistorySync.encode(chunk).finish()),
        },
      },
    }).finish();
    return {
      tag: "message",
      attrs: {
        from: owner.pnJid,
        id: newMessageId(),
        t: nowSeconds(),
        type: "text",
        notify: owner.pushName,
      },
      content: [{ tag: "plaintext", attrs: {}, content: message }],
    };
  });
}
