// What a webhook request carries besides the signature: the body envelope and the headers of
// the API family the webhook was made for, so a receiver written for that family works unchanged.

import type { WebhookFormat } from "../../domain/webhook/schemas.ts";
import { coarseEventOf, DOTTED_EVENT_NAMES, evolutionEventName } from "../../events/mappings.ts";
import type { EventType } from "../../events/types.ts";

/** An event as the deliverer reads it from the log: its data still JSON text. */
export interface LoggedEvent {
  id: string;
  seq: number;
  instanceId: string;
  instanceName: string;
  type: EventType;
  data: string;
  createdAt: Date;
}

/** What the envelope needs to know about the instance and the receiver. */
export interface EnvelopeContext {
  url: string;
  /** The linked WhatsApp account (JID), when there is one. */
  whatsappId: string | null;
  /** The gateway's own public address (PUBLIC_URL), for Evolution's `server_url`. */
  serverUrl: string | null;
}

export interface Envelope {
  body: string;
  headers: Record<string, string>;
}

/**
 * The request body, built as text around the logged data so the data is never parsed and
 * serialized again. Null when the format has no name for the event (RyzeAPI's six coarse
 * types leave some out): such events are not sent to that webhook.
 */
export function envelope(
  format: WebhookFormat,
  event: LoggedEvent,
  context: EnvelopeContext,
): Envelope | null {
  const time = event.createdAt.toISOString();
  const instance = JSON.stringify(event.instanceName);
  switch (format) {
    case "wagraph":
      return {
        body: `{"id":${JSON.stringify(event.id)},"seq":${event.seq},"type":"${event.type}","instanceId":"${event.instanceId}","instanceName":${instance},"timestamp":"${time}","data":${event.data}}`,
        headers: {},
      };
    case "codechat":
      return {
        body: `{"event":"${DOTTED_EVENT_NAMES[event.type]}","instance":{"id":"${event.instanceId}","name":${instance}},"data":${event.data}}`,
        headers: {
          "x-instanceId": event.instanceId,
          "x-whatsappId": context.whatsappId ?? "",
          "x-businessId": "",
        },
      };
    case "evolution":
      return {
        body: `{"event":"${DOTTED_EVENT_NAMES[event.type]}","instance":${instance},"data":${event.data},"destination":${JSON.stringify(context.url)},"date_time":"${time}","sender":${JSON.stringify(context.whatsappId)},"server_url":${JSON.stringify(context.serverUrl)}}`,
        headers: {
          "X-Instance-ID": event.instanceId,
          "X-Instance-Name": event.instanceName,
          "X-Event-Type": evolutionEventName(event.type),
          "X-Timestamp": String(event.createdAt.getTime()),
        },
      };
    case "ryze": {
      const body = ryzeFrame(event, event.createdAt, event.data, context.serverUrl);
      return body === null ? null : { body, headers: {} };
    }
  }
}

/**
 * RyzeAPI's envelope, the same for its webhooks and its /ws streams: the coarse name, the
 * data, the instance, and the canonical event's id, type and time. Null for the fine types
 * RyzeAPI has no name for.
 */
export function ryzeFrame(
  event: { id: string; type: EventType; instanceId: string; instanceName: string },
  time: Date,
  dataJson: string,
  baseUrl: string | null | undefined,
): string | null {
  const coarse = coarseEventOf(event.type);
  if (!coarse) return null;
  // Instance names are letters, digits and . _ - only, ids are UUIDs: nothing to escape.
  const base = baseUrl ? `"baseUrl":${quoted(baseUrl)},` : "";
  const instanceData = `{${base}"instance":"${event.instanceName}","instanceId":"${event.instanceId}"}`;
  return `{"event":"${coarse}","data":${dataJson},"instanceData":${instanceData},"id":"${event.id}","type":"${event.type}","timestamp":"${time.toISOString()}"}`;
}

let lastQuoted: [string, string] = ["", '""'];

/** A setting's JSON string, made once: every frame carries it. */
function quoted(text: string): string {
  if (lastQuoted[0] !== text) lastQuoted = [text, JSON.stringify(text)];
  return lastQuoted[1];
}
