import { ownedByInstance } from "../../graphql/access.ts";
import { builder } from "../../graphql/builder.ts";
import { ACCESS_ERRORS, NotConnectedError, UpstreamError } from "../../graphql/errors.ts";
import { instanceRef } from "../../graphql/ids.ts";
import {
  contactOf,
  locationOf,
  mediaOf,
  pollOf,
  rawContentOf,
  reactionOf,
} from "../../whatsapp/message-content.ts";
import {
  ContactContent,
  LocationContent,
  MediaContent,
  PollContent,
  ReactionContent,
} from "./content-types.ts";

export const MessageNode = builder.prismaNode("Message", {
  authScopes: ownedByInstance,
  id: { field: "id" },
  description: "A stored WhatsApp message; one per key (chat, id, fromMe).",
  fields: (t) => ({
    keyId: t.exposeString("keyId"),
    chatJid: t.exposeString("chatJid"),
    fromMe: t.exposeBoolean("fromMe"),
    participant: t.exposeString("participant", { nullable: true }),
    pushName: t.exposeString("pushName", { nullable: true }),
    type: t.exposeString("messageType", {
      description: "Baileys content type, e.g. conversation, imageMessage.",
    }),
    text: t.exposeString("text", {
      nullable: true,
      description: "Text, caption, or name, when there is one.",
    }),
    status: t.exposeString("status", {
      nullable: true,
      description: "PENDING, SERVER_ACK, DELIVERY_ACK, READ, PLAYED or ERROR.",
    }),
    source: t.exposeString("source", { description: "notify, append, history or send." }),
    timestamp: t.expose("timestamp", { type: "DateTime" }),
    media: t.field({
      type: MediaContent,
      nullable: true,
      resolve: (row) => mediaOf(row.content),
    }),
    location: t.field({
      type: LocationContent,
      nullable: true,
      resolve: (row) => locationOf(row.content),
    }),
    contact: t.field({
      type: ContactContent,
      nullable: true,
      resolve: (row) => contactOf(row.content),
    }),
    reaction: t.field({
      type: ReactionContent,
      nullable: true,
      resolve: (row) => reactionOf(row.content),
    }),
    poll: t.field({
      type: PollContent,
      nullable: true,
      resolve: (row) => pollOf(row.content),
    }),
    raw: t.field({
      type: "JSON",
      description: "The full content as Baileys reports it.",
      resolve: (row) => rawContentOf(row.content),
    }),
  }),
});

const MessageKeyInput = builder.inputType("MessageKeyInput", {
  fields: (t) => ({
    chatJid: t.string(),
    keyId: t.string(),
    fromMe: t.boolean({ required: false, defaultValue: false }),
  }),
});

const MediaKind = builder.enumType("MediaKind", { values: ["image", "video", "audio", "document"] as const });
const PresenceKind = builder.enumType("PresenceKind", {
  values: ["available", "unavailable", "composing", "recording", "paused"] as const,
});

const SEND_ERRORS = [...ACCESS_ERRORS, NotConnectedError, UpstreamError];
const strip = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

builder.mutationFields((t) => ({
  sendText: t.field({
    type: MessageNode,
    description: "Sends a text (optionally quoting a stored message and mentioning people).",
    errors: { types: SEND_ERRORS },
    args: {
      instanceId: t.arg.id(),
      to: t.arg.string({ description: "Phone number with country code, or a JID." }),
      text: t.arg.string(),
      quotedKeyId: t.arg.string({ required: false }),
      mentions: t.arg.stringList({ required: false }),
    },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendText(context.caller, instanceRef(instanceId), strip(input)),
  }),
  sendMedia: t.field({
    type: MessageNode,
    description: "Sends an image, video, audio or document from a URL or base64 (size-limited).",
    errors: { types: SEND_ERRORS },
    args: {
      instanceId: t.arg.id(),
      to: t.arg.string(),
      kind: t.arg({ type: MediaKind }),
      url: t.arg.string({ required: false }),
      base64: t.arg.string({ required: false }),
      mimetype: t.arg.string({ required: false }),
      caption: t.arg.string({ required: false }),
      fileName: t.arg.string({ required: false }),
      voiceNote: t.arg.boolean({ required: false }),
    },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendMedia(context.caller, instanceRef(instanceId), strip(input)),
  }),
  sendLocation: t.field({
    type: MessageNode,
    errors: { types: SEND_ERRORS },
    args: {
      instanceId: t.arg.id(),
      to: t.arg.string(),
      latitude: t.arg.float(),
      longitude: t.arg.float(),
      name: t.arg.string({ required: false }),
      address: t.arg.string({ required: false }),
    },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendLocation(context.caller, instanceRef(instanceId), strip(input)),
  }),
  sendContact: t.field({
    type: MessageNode,
    errors: { types: SEND_ERRORS },
    args: {
      instanceId: t.arg.id(),
      to: t.arg.string(),
      fullName: t.arg.string(),
      phoneNumber: t.arg.string(),
      organization: t.arg.string({ required: false }),
    },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendContact(context.caller, instanceRef(instanceId), strip(input)),
  }),
  sendReaction: t.field({
    type: MessageNode,
    description: "Reacts to a message; an empty emoji removes the reaction.",
    errors: { types: SEND_ERRORS },
    args: { instanceId: t.arg.id(), key: t.arg({ type: MessageKeyInput }), emoji: t.arg.string() },
    resolve: (_parent, { instanceId, key, emoji }, context) =>
      context.services.messages.sendReaction(context.caller, instanceRef(instanceId), {
        key: strip(key),
        emoji,
      }),
  }),
  sendPoll: t.field({
    type: MessageNode,
    errors: { types: SEND_ERRORS },
    args: {
      instanceId: t.arg.id(),
      to: t.arg.string(),
      name: t.arg.string(),
      options: t.arg.stringList(),
      selectableCount: t.arg.int({ required: false }),
    },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendPoll(context.caller, instanceRef(instanceId), strip(input)),
  }),
  markMessagesRead: t.field({
    type: "Int",
    description: "Sends read receipts; answers how many messages were marked.",
    errors: { types: SEND_ERRORS, directResult: false },
    args: { instanceId: t.arg.id(), keys: t.arg({ type: [MessageKeyInput] }) },
    resolve: (_parent, { instanceId, keys }, context) =>
      context.services.messages.markRead(context.caller, instanceRef(instanceId), { keys: keys.map(strip) }),
  }),
  sendPresence: t.field({
    type: "Boolean",
    description: "Shows typing, recording, paused, available or unavailable to a chat.",
    errors: { types: SEND_ERRORS, directResult: false },
    args: { instanceId: t.arg.id(), to: t.arg.string(), presence: t.arg({ type: PresenceKind }) },
    resolve: (_parent, { instanceId, ...input }, context) =>
      context.services.messages.sendPresence(context.caller, instanceRef(instanceId), input),
  }),
}));
