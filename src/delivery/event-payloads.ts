// The typed form of each event's data: one object type per family of event types, so a
// generated client switches on __typename instead of parsing JSON. `InstanceEvent.data` keeps
// the same data as JSON, in Baileys' shape.
import { ConnectionStatus } from "../domain/instance/graphql.ts";
import type { EventType, GatewayEvent } from "../events/types.ts";
import { builder } from "../graphql/builder.ts";
import {
  count,
  EventChat,
  EventContact,
  EventGroup,
  EventMessage,
  type Fields,
  fields,
  flag,
  list,
  MessageKey,
  secondsToDate,
  text,
} from "./event-items.ts";

const dataOf = (event: GatewayEvent) => fields(event.data);

const MessagesEventPayload = builder.objectRef<GatewayEvent>("MessagesEventPayload").implement({
  description:
    "messagesUpsert (one message), messagesSet (a page of history) and sendMessage (one sent message).",
  fields: (t) => ({
    messages: t.field({
      type: [EventMessage],
      resolve: (event) => {
        const data = dataOf(event);
        if (event.type === "messagesSet") return list(data.messages).map(fields);
        return [event.type === "messagesUpsert" ? fields(data.message) : data];
      },
    }),
    upsertType: t.string({
      nullable: true,
      description: "messagesUpsert: notify (new) or append (synced from another device).",
      resolve: (event) => text(dataOf(event).type),
    }),
    isLatest: t.boolean({
      nullable: true,
      description: "messagesSet: whether this is the latest history.",
      resolve: (event) => flag(dataOf(event).isLatest),
    }),
  }),
});

const MessageUpdateKind = builder.enumType("MessageUpdateKind", {
  values: ["update", "delete", "reaction", "receipt"] as const,
});

const MessageUpdateEventPayload = builder.objectRef<GatewayEvent>("MessageUpdateEventPayload").implement({
  description: "messagesUpdate: a status change, deletion, reaction or read receipt of stored messages.",
  fields: (t) => ({
    kind: t.field({
      type: MessageUpdateKind,
      resolve: (event) => (dataOf(event).kind ?? "update") as "update" | "delete" | "reaction" | "receipt",
    }),
    keys: t.field({
      type: [MessageKey],
      description: "The messages concerned; empty when a whole chat was cleared (see chatJid).",
      resolve: (event) => {
        const data = dataOf(event);
        return data.key ? [fields(data.key)] : list(data.keys).map(fields);
      },
    }),
    chatJid: t.string({
      nullable: true,
      description: "delete: the chat whose messages were all deleted.",
      resolve: (event) => text(dataOf(event).jid),
    }),
    status: t.string({
      nullable: true,
      description: "update: PENDING, SERVER_ACK, DELIVERY_ACK, READ, PLAYED or ERROR.",
      resolve: (event) => text(dataOf(event).status),
    }),
    emoji: t.string({
      nullable: true,
      description: "reaction: the emoji; empty when a reaction was removed.",
      resolve: (event) => text(fields(dataOf(event).reaction).text),
    }),
    raw: t.field({ type: "JSON", resolve: (event) => event.data }),
  }),
});

const ConnectionEventPayload = builder.objectRef<GatewayEvent>("ConnectionEventPayload").implement({
  description: "connectionUpdate (every change, with details) and stateInstance (the state changed).",
  fields: (t) => ({
    state: t.field({
      type: ConnectionStatus,
      resolve: (event) => dataOf(event).state as "open" | "connecting" | "close" | "refused",
    }),
    jid: t.string({
      nullable: true,
      description: "open: the linked account.",
      resolve: (event) => text(dataOf(event).jid),
    }),
    pushName: t.string({ nullable: true, resolve: (event) => text(dataOf(event).pushName) }),
    reason: t.string({
      nullable: true,
      description: "Why it closed or reconnects.",
      resolve: (event) => text(dataOf(event).reason),
    }),
    statusCode: t.int({ nullable: true, resolve: (event) => count(dataOf(event).statusCode) }),
    retryInMs: t.int({ nullable: true, resolve: (event) => count(dataOf(event).retryInMs) }),
    attempt: t.int({ nullable: true, resolve: (event) => count(dataOf(event).attempt) }),
  }),
});

const QrCodeEventPayload = builder.objectRef<GatewayEvent>("QrCodeEventPayload").implement({
  description: "qrcodeUpdate: a new QR code to scan.",
  fields: (t) => ({
    qr: t.string({ description: "The code's text.", resolve: (event) => text(dataOf(event).qr) ?? "" }),
    base64: t.string({
      description: "A PNG data URL of the code.",
      resolve: (event) => text(dataOf(event).base64) ?? "",
    }),
    count: t.int({
      description: "1 for the first code of a session, then 2, 3 …",
      resolve: (event) => count(dataOf(event).count) ?? 0,
    }),
  }),
});

const ChatsEventPayload = builder.objectRef<GatewayEvent>("ChatsEventPayload").implement({
  description: "chatsSet, chatsUpsert, chatsUpdate and chatsDelete (chats carry only their jid).",
  fields: (t) => ({
    chats: t.field({
      type: [EventChat],
      resolve: (event) => {
        const data = event.data;
        if (event.type === "chatsSet") return list(fields(data).chats).map(fields);
        return list(data).map((chat) => (typeof chat === "string" ? { id: chat } : fields(chat)));
      },
    }),
  }),
});

const ContactsEventPayload = builder.objectRef<GatewayEvent>("ContactsEventPayload").implement({
  description: "contactsSet, contactsUpsert and contactsUpdate.",
  fields: (t) => ({
    contacts: t.field({
      type: [EventContact],
      resolve: (event) =>
        (event.type === "contactsSet" ? list(dataOf(event).contacts) : list(event.data)).map(fields),
    }),
  }),
});

const GroupsEventPayload = builder.objectRef<GatewayEvent>("GroupsEventPayload").implement({
  description: "groupsUpsert and groupUpdate.",
  fields: (t) => ({
    groups: t.field({ type: [EventGroup], resolve: (event) => list(event.data).map(fields) }),
  }),
});

const GroupParticipantsEventPayload = builder
  .objectRef<GatewayEvent>("GroupParticipantsEventPayload")
  .implement({
    description: "groupParticipantsUpdate: people added, removed, promoted or demoted.",
    fields: (t) => ({
      groupJid: t.string({ resolve: (event) => text(dataOf(event).id) ?? "" }),
      action: t.string({
        description: "add, remove, promote, demote …",
        resolve: (event) => text(dataOf(event).action) ?? "",
      }),
      author: t.string({ nullable: true, resolve: (event) => text(dataOf(event).author) }),
      participants: t.stringList({
        resolve: (event) =>
          list(dataOf(event).participants).map((participant) =>
            typeof participant === "string" ? participant : (text(fields(participant).id) ?? ""),
          ),
      }),
    }),
  });

const Presence = builder.objectRef<[string, Fields]>("Presence").implement({
  fields: (t) => ({
    jid: t.string({ resolve: ([jid]) => jid }),
    presence: t.string({
      description: "available, unavailable, composing, recording or paused.",
      resolve: ([, presence]) => text(presence.lastKnownPresence) ?? "",
    }),
    lastSeen: t.field({
      type: "DateTime",
      nullable: true,
      resolve: ([, presence]) => secondsToDate(presence.lastSeen),
    }),
  }),
});

const PresenceEventPayload = builder.objectRef<GatewayEvent>("PresenceEventPayload").implement({
  description: "presenceUpdate: who is online or typing in a chat.",
  fields: (t) => ({
    chatJid: t.string({ resolve: (event) => text(dataOf(event).id) ?? "" }),
    presences: t.field({
      type: [Presence],
      resolve: (event) =>
        Object.entries(fields(dataOf(event).presences)).map(([jid, value]) => [jid, fields(value)]),
    }),
  }),
});

const CallEventPayload = builder.objectRef<GatewayEvent>("CallEventPayload").implement({
  description: "callUpsert: a call offered, accepted, rejected or ended.",
  fields: (t) => ({
    callId: t.string({ resolve: (event) => text(dataOf(event).id) ?? "" }),
    from: t.string({ resolve: (event) => text(dataOf(event).from) ?? "" }),
    chatJid: t.string({ resolve: (event) => text(dataOf(event).chatId) ?? "" }),
    groupJid: t.string({ nullable: true, resolve: (event) => text(dataOf(event).groupJid) }),
    isVideo: t.boolean({ resolve: (event) => dataOf(event).isVideo === true }),
    status: t.string({
      description: "offer, ringing, timeout, reject, accept, terminate.",
      resolve: (event) => text(dataOf(event).status) ?? "",
    }),
    raw: t.field({ type: "JSON", resolve: (event) => event.data }),
  }),
});

const LabelsEventPayload = builder.objectRef<GatewayEvent>("LabelsEventPayload").implement({
  description: "labelsUpdate: a label edited, or associated with a chat or message (Baileys' shape in raw).",
  fields: (t) => ({
    kind: t.string({
      description: "edit or association.",
      resolve: (event) => text(dataOf(event).kind) ?? "",
    }),
    raw: t.field({ type: "JSON", resolve: (event) => event.data }),
  }),
});

const NewJwtEventPayload = builder.objectRef<GatewayEvent>("NewJwtEventPayload").implement({
  description: "newJwt: the instance's new token. Only the account token's streams carry it.",
  fields: (t) => ({ jwt: t.string({ resolve: (event) => text(dataOf(event).jwt) ?? "" }) }),
});

const InstanceDeletedEventPayload = builder.objectRef<GatewayEvent>("InstanceDeletedEventPayload").implement({
  description: "instanceDelete: the instance and its data are gone; its streams end.",
  fields: (t) => ({
    instanceId: t.string({ resolve: (event) => text(dataOf(event).instanceId) ?? event.instanceId }),
    instanceName: t.string({ resolve: (event) => text(dataOf(event).instanceName) ?? event.instanceName }),
  }),
});

const WebhookDisabledEventPayload = builder.objectRef<GatewayEvent>("WebhookDisabledEventPayload").implement({
  description:
    "webhookDisabled: the gateway turned a webhook off (410 Gone, or a delivery failed on every attempt).",
  fields: (t) => ({
    webhookId: t.string({ resolve: (event) => text(dataOf(event).webhookId) ?? "" }),
    name: t.string({ resolve: (event) => text(dataOf(event).name) ?? "" }),
    url: t.string({ resolve: (event) => text(dataOf(event).url) ?? "" }),
    reason: t.string({ resolve: (event) => text(dataOf(event).reason) ?? "" }),
    eventId: t.string({
      nullable: true,
      description: "The event whose delivery failed.",
      resolve: (event) => text(dataOf(event).eventId),
    }),
  }),
});

const PAYLOAD_TYPES: Record<EventType, string> = {
  messagesUpsert: "MessagesEventPayload",
  messagesSet: "MessagesEventPayload",
  sendMessage: "MessagesEventPayload",
  messagesUpdate: "MessageUpdateEventPayload",
  connectionUpdate: "ConnectionEventPayload",
  stateInstance: "ConnectionEventPayload",
  qrcodeUpdate: "QrCodeEventPayload",
  chatsSet: "ChatsEventPayload",
  chatsUpsert: "ChatsEventPayload",
  chatsUpdate: "ChatsEventPayload",
  chatsDelete: "ChatsEventPayload",
  contactsSet: "ContactsEventPayload",
  contactsUpsert: "ContactsEventPayload",
  contactsUpdate: "ContactsEventPayload",
  groupsUpsert: "GroupsEventPayload",
  groupUpdate: "GroupsEventPayload",
  groupParticipantsUpdate: "GroupParticipantsEventPayload",
  presenceUpdate: "PresenceEventPayload",
  callUpsert: "CallEventPayload",
  labelsUpdate: "LabelsEventPayload",
  newJwt: "NewJwtEventPayload",
  instanceDelete: "InstanceDeletedEventPayload",
  webhookDisabled: "WebhookDisabledEventPayload",
};

export const EventPayload = builder.unionType("EventPayload", {
  description: "The event's data, typed by its family; switch on __typename.",
  types: [
    MessagesEventPayload,
    MessageUpdateEventPayload,
    ConnectionEventPayload,
    QrCodeEventPayload,
    ChatsEventPayload,
    ContactsEventPayload,
    GroupsEventPayload,
    GroupParticipantsEventPayload,
    PresenceEventPayload,
    CallEventPayload,
    LabelsEventPayload,
    NewJwtEventPayload,
    InstanceDeletedEventPayload,
    WebhookDisabledEventPayload,
  ],
  resolveType: (event) => PAYLOAD_TYPES[event.type],
});
