// The canonical event model: every source (engine, services) publishes these, every
// sink (subscriptions, sockets, webhooks) filters them by its own flags.

/** Event types a webhook or socket can switch on and off, named after the CodeChat flags. */
export const EVENT_FLAGS = [
  "qrcodeUpdate",
  "stateInstance",
  "messagesSet",
  "messagesUpsert",
  "messagesUpdate",
  "sendMessage",
  "contactsSet",
  "contactsUpsert",
  "contactsUpdate",
  "presenceUpdate",
  "chatsSet",
  "chatsUpdate",
  "chatsUpsert",
  "chatsDelete",
  "groupsUpsert",
  "groupUpdate",
  "groupParticipantsUpdate",
  "connectionUpdate",
  "callUpsert",
  "labelsUpdate",
  "newJwt",
] as const;

export type EventFlag = (typeof EVENT_FLAGS)[number];

/** instanceDelete is always delivered: it is the last word about an instance. */
export const EVENT_TYPES = [...EVENT_FLAGS, "instanceDelete"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type EventFlags = Record<EventFlag, boolean>;

export interface GatewayEvent<T = unknown> {
  id: string;
  instanceId: string;
  instanceName: string;
  type: EventType;
  timestamp: Date;
  data: T;
}

export function allFlags(value: boolean): EventFlags {
  return Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, value])) as EventFlags;
}

/** Picks the flag columns out of a stored row. */
export function flagsOf(row: EventFlags): EventFlags {
  return Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, row[flag]])) as EventFlags;
}
