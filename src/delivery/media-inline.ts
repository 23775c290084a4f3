// A message event's decrypted media, inlined for the sinks whose configuration asks for it
// (mediaBase64 on a webhook or a socket configuration).
import { downloadMedia, hasMedia } from "../whatsapp/media-download.ts";

/** Events whose data holds a message: messagesUpsert `{message, type}`, sendMessage the message. */
const MESSAGE_EVENTS = new Set(["messagesUpsert", "sendMessage"]);

export function mayCarryMedia(type: string): boolean {
  return MESSAGE_EVENTS.has(type);
}

/**
 * The event data (JSON text) with its message's file as `base64` in the message content, next
 * to `imageMessage` and the like, as CodeChat and Evolution do; `base64: null` when the download
 * failed. The data as it was when there is no media.
 */
export async function withInlinedMedia(type: string, json: string, maxBytes: number): Promise<string> {
  if (!mayCarryMedia(type)) return json;
  const data = JSON.parse(json) as {
    message?: { message?: Record<string, unknown> } | Record<string, unknown>;
  };
  const holder = (type === "messagesUpsert" ? data.message : data) as
    | { message?: Record<string, unknown> }
    | undefined;
  const content = holder?.message;
  if (!content || !hasMedia(content)) return json;
  try {
    content.base64 = (await downloadMedia(content, maxBytes))?.toString("base64") ?? null;
  } catch {
    content.base64 = null;
  }
  return JSON.stringify(data);
}
