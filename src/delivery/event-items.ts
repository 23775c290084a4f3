// Typed views of the messages, chats, contacts and groups an event carries, read from the event's
// own data (what Baileys reported at that moment), not from the stored rows: an event names no
// row id, a lookup per event would cost a query on the hottest path, and a row may have changed
// or be gone by the time the event is read (a replay, a delete).
import {
  ContactContent,
  LocationContent,
  MediaContent,
  PollContent,
  ReactionContent,
} from "../domain/message/content-types.ts";
import { builder } from "../graphql/builder.ts";
import { normalizedJid, statusName, summarize, toDate } from "../whatsapp/content.ts";
import { contactIn, locationIn, mediaIn, pollIn, reactionIn } from "../whatsapp/message-content.ts";

/** One JSON object of event data; fields are read defensively, since Baileys' shapes vary. */
export type Fields = Record<string, unknown>;

export const text = (value: unknown) => (typeof value === "string" ? value : null);
export const flag = (value: unknown) => (typeof value === "boolean" ? value : null);
export const count = (value: unknown) => {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
};
export const fields = (value: unknown): Fields =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Seconds since the epoch, as WhatsApp counts, to a date. */
export const secondsToDate = (value: unknown) => {
  const seconds = count(value);
  return seconds === null ? null : toDate(seconds);
};

export const MessageKey = builder.objectRef<Fields>("MessageKey").implement({
  description: "Which message: its chat, id, and whether this account sent it.",
  fields: (t) => ({
    chatJid: t.string({ resolve: (key) => normalizedJid(text(key.remoteJid) ?? "") }),
    keyId: t.string({ resolve: (key) => text(key.id) ?? "" }),
    fromMe: t.boolean({ resolve: (key) => key.fromMe === true }),
    participant: t.string({ nullable: true, resolve: (key) => text(key.participant) }),
  }),
});

const contentOf = (message: Fields) => {
  const content = message.message ?? null;
  return { content, summary: summarize(content) };
};

export const EventMessage = builder.objectRef<Fields>("EventMessage").implement({
  description:
    "A message as the event reported it (the fields of Message that the event itself holds). The stored row is the Message with the same key.",
  fields: (t) => ({
    key: t.field({ type: MessageKey, resolve: (message) => fields(message.key) }),
    pushName: t.string({ nullable: true, resolve: (message) => text(message.pushName) }),
    type: t.string({
      description: "Baileys content type, e.g. conversation, imageMessage.",
      resolve: (message) => contentOf(message).summary.type,
    }),
    text: t.string({
      nullable: true,
      description: "Text, caption, or name, when there is one.",
      resolve: (message) => contentOf(message).summary.text,
    }),
    status: t.string({
      nullable: true,
      resolve: (message) => statusName(count(message.status)),
    }),
    timestamp: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (message) => secondsToDate(message.messageTimestamp),
    }),
    media: t.field({
      type: MediaContent,
      nullable: true,
      resolve: (message) => mediaIn(contentOf(message).content),
    }),
    location: t.field({
      type: LocationContent,
      nullable: true,
      resolve: (message) => locationIn(contentOf(message).content),
    }),
    contact: t.field({
      type: ContactContent,
      nullable: true,
      resolve: (message) => contactIn(contentOf(message).content),
    }),
    reaction: t.field({
      type: ReactionContent,
      nullable: true,
      resolve: (message) => reactionIn(contentOf(message).content),
    }),
    poll: t.field({
      type: PollContent,
      nullable: true,
      resolve: (message) => pollIn(contentOf(message).content),
    }),
    raw: t.field({
      type: "JSON",
      description: "The message as Baileys reported it.",
      resolve: (message) => message,
    }),
  }),
});

export const EventChat = builder.objectRef<Fields>("EventChat").implement({
  description: "A chat, or the part of it that changed (fields the event did not report are null).",
  fields: (t) => ({
    jid: t.string({ resolve: (chat) => text(chat.id) ?? "" }),
    name: t.string({ nullable: true, resolve: (chat) => text(chat.name) }),
    unreadCount: t.int({ nullable: true, resolve: (chat) => count(chat.unreadCount) }),
    archived: t.boolean({ nullable: true, resolve: (chat) => flag(chat.archived) }),
    pinned: t.boolean({
      nullable: true,
      resolve: (chat) => (chat.pinned === undefined ? null : Boolean(chat.pinned)),
    }),
    lastMessageAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (chat) => secondsToDate(chat.conversationTimestamp),
    }),
  }),
});

export const EventContact = builder.objectRef<Fields>("EventContact").implement({
  description: "A contact, or the part of it that changed.",
  fields: (t) => ({
    jid: t.string({ resolve: (contact) => text(contact.id) ?? "" }),
    lid: t.string({ nullable: true, resolve: (contact) => text(contact.lid) }),
    name: t.string({ nullable: true, resolve: (contact) => text(contact.name) }),
    notify: t.string({ nullable: true, resolve: (contact) => text(contact.notify) }),
    verifiedName: t.string({ nullable: true, resolve: (contact) => text(contact.verifiedName) }),
    imgUrl: t.string({ nullable: true, resolve: (contact) => text(contact.imgUrl) }),
  }),
});

const EventGroupParticipant = builder.objectRef<Fields>("EventGroupParticipant").implement({
  fields: (t) => ({
    jid: t.string({ resolve: (participant) => text(participant.id) ?? "" }),
    admin: t.string({
      nullable: true,
      description: "admin, superadmin, or null.",
      resolve: (participant) => text(participant.admin),
    }),
  }),
});

export const EventGroup = builder.objectRef<Fields>("EventGroup").implement({
  description: "A group's metadata, or the part of it that changed.",
  fields: (t) => ({
    jid: t.string({ resolve: (group) => text(group.id) ?? "" }),
    subject: t.string({ nullable: true, resolve: (group) => text(group.subject) }),
    owner: t.string({ nullable: true, resolve: (group) => text(group.owner) }),
    description: t.string({ nullable: true, resolve: (group) => text(group.desc) }),
    announce: t.boolean({ nullable: true, resolve: (group) => flag(group.announce) }),
    restrict: t.boolean({ nullable: true, resolve: (group) => flag(group.restrict) }),
    size: t.int({ nullable: true, resolve: (group) => count(group.size) }),
    creation: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (group) => secondsToDate(group.creation),
    }),
    participants: t.field({
      type: [EventGroupParticipant],
      nullable: true,
      resolve: (group) => (Array.isArray(group.participants) ? group.participants.map(fields) : null),
    }),
  }),
});
