// Every other name for the canonical events lives here and only here.
import { EVENT_FLAGS, type EventFlag, type EventFlags, type EventType } from "./types.ts";

/** RyzeAPI's six coarse event types and the fine flags each one stands for. */
export const COARSE_EVENTS = {
  "message.exchange": ["messagesSet", "messagesUpsert", "sendMessage"],
  "message.status": ["messagesUpdate"],
  "call.update": ["callUpsert"],
  "group.flow": ["groupsUpsert", "groupUpdate", "groupParticipantsUpdate"],
  "instance.state": ["qrcodeUpdate", "stateInstance", "connectionUpdate"],
  "label.update": ["labelsUpdate"],
} as const satisfies Record<string, readonly EventFlag[]>;

export type CoarseEvent = keyof typeof COARSE_EVENTS;
export const COARSE_EVENT_NAMES = Object.keys(COARSE_EVENTS) as CoarseEvent[];

/** An empty list means every coarse type, as RyzeAPI documents. */
export function flagsFromCoarse(events: readonly CoarseEvent[]): EventFlags {
  const wanted = new Set<EventFlag>(
    (events.length === 0 ? COARSE_EVENT_NAMES : events).flatMap((name) => COARSE_EVENTS[name]),
  );
  return Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, wanted.has(flag)])) as EventFlags;
}

/** The coarse types whose fine flags are all on; all six on reads back as the empty list. */
export function coarseFromFlags(flags: EventFlags): CoarseEvent[] {
  const on = COARSE_EVENT_NAMES.filter((name) => COARSE_EVENTS[name].every((flag) => flags[flag]));
  return on.length === COARSE_EVENT_NAMES.length ? [] : on;
}

/** The dotted names CodeChat and Evolution webhooks carry in `event`. */
export const DOTTED_EVENT_NAMES: Record<EventType, string> = {
  qrcodeUpdate: "qrcode.updated",
  stateInstance: "status.instance",
  messagesSet: "messages.set",
  messagesUpsert: "messages.upsert",
  messagesUpdate: "messages.update",
  sendMessage: "send.message",
  contactsSet: "contacts.set",
  contactsUpsert: "contacts.upsert",
  contactsUpdate: "contacts.update",
  presenceUpdate: "presence.update",
  chatsSet: "chats.set",
  chatsUpdate: "chats.update",
  chatsUpsert: "chats.upsert",
  chatsDelete: "chats.delete",
  groupsUpsert: "groups.upsert",
  groupUpdate: "groups.update",
  groupParticipantsUpdate: "group-participants.update",
  connectionUpdate: "connection.update",
  callUpsert: "call.upsert",
  labelsUpdate: "labels.update",
  newJwt: "new.jwt",
  instanceDelete: "instance.delete",
  webhookDisabled: "webhook.disabled",
};

/** Evolution's upper-case form of a dotted name (its X-Event-Type header): MESSAGES_UPSERT. */
export function evolutionEventName(type: EventType): string {
  return DOTTED_EVENT_NAMES[type].replace(/[.-]/g, "_").toUpperCase();
}

/**
 * The coarse name a canonical event goes out under on RyzeAPI's channels, or undefined for
 * the fine types RyzeAPI has no name for (contacts, chats, presence, newJwt). instanceDelete
 * is an instance.state: the last state change of an instance.
 */
export function coarseEventOf(type: EventType): CoarseEvent | undefined {
  return COARSE_OF_FINE.get(type);
}

const COARSE_OF_FINE = new Map<EventType, CoarseEvent>([
  ...COARSE_EVENT_NAMES.flatMap((name) => COARSE_EVENTS[name].map((flag) => [flag, name] as const)),
  ["instanceDelete", "instance.state"],
]);
