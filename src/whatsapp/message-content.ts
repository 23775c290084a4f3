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
  return normalizeMessageContent(JSON.parse(text, BufferJSON.reviver) as proto.IMessage | null) ?? null;
}

export function mediaOf(text: string): MediaContent | null {
  const content = parse(text);
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

export function locationOf(text: string): LocationContent | null {
  const location = parse(text)?.locationMessage;
  if (!location) return null;
  return {
    latitude: location.degreesLatitude ?? 0,
    longitude: location.degreesLongitude ?? 0,
    name: location.name ?? null,
    address: location.address ?? null,
  };
}

export function contactOf(text: string): ContactContent | null {
  const contact = parse(text)?.contactMessage;
  return contact ? { displayName: contact.displayName ?? null, vcard: contact.vcard ?? null } : null;
}

export function reactionOf(text: string): ReactionContent | null {
  const reaction = parse(text)?.reactionMessage;
  return reaction ? { emoji: reaction.text ?? "", targetKeyId: reaction.key?.id ?? null } : null;
}

export function pollOf(text: string): PollContent | null {
  const content = parse(text);
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
