import { BufferJSON, normalizeMessageContent, type proto } from "@whiskeysockets/baileys";
import { builder } from "../../graphql/builder.ts";
import { toPlain } from "../../whatsapp/plain.ts";

/** The parsed content of a stored message; typed fields read from it. */
export function parseContent(text: string): proto.IMessage | null {
  return normalizeMessageContent(JSON.parse(text, BufferJSON.reviver) as proto.IMessage | null) ?? null;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

interface Media {
  kind: string;
  mimetype: string | null;
  caption: string | null;
  size: number | null;
  fileName: string | null;
  seconds: number | null;
}

export function mediaOf(content: proto.IMessage | null): Media | null {
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

export const MediaContent = builder.objectRef<Media>("MediaContent").implement({
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "image, video, audio, document or sticker" }),
    mimetype: t.exposeString("mimetype", { nullable: true }),
    caption: t.exposeString("caption", { nullable: true }),
    size: t.exposeFloat("size", { nullable: true, description: "Bytes." }),
    fileName: t.exposeString("fileName", { nullable: true }),
    seconds: t.exposeInt("seconds", { nullable: true }),
  }),
});

export const LocationContent = builder
  .objectRef<proto.Message.ILocationMessage>("LocationContent")
  .implement({
    fields: (t) => ({
      latitude: t.float({ resolve: (location) => location.degreesLatitude ?? 0 }),
      longitude: t.float({ resolve: (location) => location.degreesLongitude ?? 0 }),
      name: t.string({ nullable: true, resolve: (location) => location.name ?? null }),
      address: t.string({ nullable: true, resolve: (location) => location.address ?? null }),
    }),
  });

export const ContactContent = builder.objectRef<proto.Message.IContactMessage>("ContactContent").implement({
  fields: (t) => ({
    displayName: t.string({ nullable: true, resolve: (contact) => contact.displayName ?? null }),
    vcard: t.string({ nullable: true, resolve: (contact) => contact.vcard ?? null }),
  }),
});

export const ReactionContent = builder
  .objectRef<proto.Message.IReactionMessage>("ReactionContent")
  .implement({
    fields: (t) => ({
      emoji: t.string({ resolve: (reaction) => reaction.text ?? "" }),
      targetKeyId: t.string({ nullable: true, resolve: (reaction) => reaction.key?.id ?? null }),
    }),
  });

export const PollContent = builder.objectRef<proto.Message.IPollCreationMessage>("PollContent").implement({
  fields: (t) => ({
    name: t.string({ resolve: (poll) => poll.name ?? "" }),
    options: t.stringList({
      resolve: (poll) => (poll.options ?? []).map((option) => option.optionName ?? ""),
    }),
    selectableCount: t.int({ resolve: (poll) => poll.selectableOptionsCount ?? 0 }),
  }),
});

export const rawContent = (content: proto.IMessage | null) => toPlain(content);
