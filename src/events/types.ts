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

/**
 * Events no flag turns off: instanceDelete, the last word about an instance, and
 * webhookDisabled, the gateway turning one of its webhooks off.
 */
export const EVENT_TYPES = [...EVENT_FLAGS, "instanceDelete", "webhookDisabled"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isAlwaysDelivered(type: EventType): boolean {
  return type === "instanceDelete" || type === "webhookDisabled";
}

export type EventFlags = Record<EventFlag, boolean>;

export interface GatewayEvent<T = unknown> {
  id: string;
  /** Position in the instance's event log (1, 2, …); 0 for an event that was never logged. */
  seq: number;
  instanceId: string;
  instanceName: string;
  type: EventType;
  timestamp: Date;
  /** Plain JSON data (no protobuf objects, Longs or Buffers). */
  readonly data: T;
  /** The same data as JSON text, made once and shared by every sink. */
  readonly json: string;
}

/** An event whose data is kept as text or as a value, and turned into the other on demand, once. */
export class StoredEvent<T = unknown> implements GatewayEvent<T> {
  private value: T | undefined;
  private text: string | undefined;

  constructor(
    readonly id: string,
    readonly seq: number,
    readonly instanceId: string,
    readonly instanceName: string,
    readonly type: EventType,
    readonly timestamp: Date,
    content: { json: string } | { data: T },
  ) {
    if ("json" in content) this.text = content.json;
    else this.value = content.data;
  }

  /** An event as the log stores it (its data as JSON text). */
  static fromRow(row: {
    id: string;
    seq: number;
    instanceId: string;
    instanceName: string;
    type: string;
    createdAt: Date;
    data: string;
  }): StoredEvent {
    return new StoredEvent(
      row.id,
      row.seq,
      row.instanceId,
      row.instanceName,
      row.type as EventType,
      row.createdAt,
      {
        json: row.data,
      },
    );
  }

  get data(): T {
    if (this.value === undefined) this.value = JSON.parse(this.text ?? "null") as T;
    return this.value;
  }

  get json(): string {
    if (this.text === undefined) this.text = JSON.stringify(this.value ?? null);
    return this.text;
  }
}

export function allFlags(value: boolean): EventFlags {
  return Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, value])) as EventFlags;
}

/** Picks the flag columns out of a stored row. */
export function flagsOf(row: EventFlags): EventFlags {
  return Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, row[flag]])) as EventFlags;
}
