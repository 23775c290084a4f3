import { EVENT_FLAGS, EVENT_TYPES, type EventFlags } from "../events/types.ts";
import { builder } from "./builder.ts";

export const EventTypeEnum = builder.enumType("EventType", { values: EVENT_TYPES });

/** One Boolean per event flag, as the CodeChat WebhookEvents/SocketEvents objects have. */
export const EventFlagsType = builder.objectRef<EventFlags>("EventFlags").implement({
  description: "Which events a sink receives.",
  fields: (t) => Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, t.exposeBoolean(flag)])),
});

export const EventFlagsInput = builder.inputType("EventFlagsInput", {
  description: "Flags to change; flags left out keep their value.",
  fields: (t) => Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, t.boolean({ required: false })])),
});

/** GraphQL gives null for omitted input fields; the services want them absent. */
export function withoutNulls<T extends object>(
  input: T | null | undefined,
): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== null && value !== undefined),
  ) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
