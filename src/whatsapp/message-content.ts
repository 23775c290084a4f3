// A stored message's content (Baileys' protobuf JSON) read into the gateway's own types.
import { BufferJSON, normalizeMessageContent, type proto } from "@whiskeysockets/baileys";
import { toPlain } from "./plain.ts";

export interface MediaContent {
  kind: string;
  mimetype: string | null;
  caption: string | null;
  size: number | null;
  fileName: string | null;
  seconds: number | null;
}

export interface LocationContent {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export interface ContactContent {
  displayName: string | null;
  vcard: string | null;
}

export interface ReactionContent {
  emoji: string;
  targetKeyId: string | null;
}

export interface PollContent {
  name: string;
  options: string[];
  selectableCount: number;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function parse(text: string): proto.IMessage | null {
  return normalized(JSON.parse(text, BufferJSON.reviver));
}

/** A content object (stored, or plain JSON from an event) with its wrappers taken off. */
function normalized(content: unknown): proto.IMessage | null {
  return normalizeMessageContent((content ?? null) as proto.IMessage | null) ?? null;
}

export const mediaOf = (text: string) => mediaIn(parse(text));
export const locationOf = (text: string) => locationIn(parse(text));
export const contactOf = (text: string) => contactIn(parse(text));
export const reactionOf = (text: string) => reactionIn(parse(text));
export const pollOf = (text: string) => pollIn(parse(text));

/** The media of a message content object (stored or from an event). */
export function mediaIn(message: unknown): MediaContent | null {
  const content = normalized(message);
  if (!content) return null;
  const kinds = [
    ["image", content.imageMessage],
    ["video", content.videoMessage],
    ["audio", content.audioMessage],
    ["document", content.documentMessage],
    ["sticker", content.stickerMessage],
  ] as const;
  for (const [kind, media] of kinds) {
    if (!media) continue;
    const fields = media as {
      mimetype?: string | null;
      caption?: string | null;
      fileLength?: unknown;
      fileName?: string | null;
      seconds?: number | null;
    };
    return {
      kind,
      mimetype: fields.mimetype ?? null,
      caption: fields.caption ?? null,
      size: num(fields.fileLength),
      fileName: fields.fileName ?? null,
      seconds: fields.seconds ?? null,
    };
  }
  return null;
}

export function locationIn(message: unknown): LocationContent | null {
  const location = normalized(message)?.locationMessage;
  if (!location) return null;
  return {
    latitude: location.degreesLatitude ?? 0,
    longitude: location.degreesLongitude ?? 0,
    name: location.name ?? null,
    address: location.address ?? null,
  };
}

export function contactIn(message: unknown): ContactContent | null {
  const contact = normalized(message)?.contactMessage;
  return contact ? { displayName: contact.displayName ?? null, vcard: contact.vcard ?? null } : null;
}

export function reactionIn(message: unknown): ReactionContent | null {
  const reaction = normalized(message)?.reactionMessage;
  return reaction ? { emoji: reaction.text ?? "", targetKeyId: reaction.key?.id ?? null } : null;
}

export function pollIn(message: unknown): PollContent | null {
  const content = normalized(message);
  const poll = content?.pollCreationMessage ?? content?.pollCreationMessageV3;
  if (!poll) return null;
  return {
    name: poll.name ?? "",
    options: (poll.options ?? []).map((option) => option.optionName ?? ""),
    selectableCount: poll.selectableOptionsCount ?? 0,
  };
}

/** The whole content as plain JSON (byte fields in base64, 64-bit numbers as numbers). */
export function rawContentOf(text: string): unknown {
  return toPlain(parse(text));
}
