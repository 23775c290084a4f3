// GraphQL types of a stored message's content; src/whatsapp/message-content.ts reads it.
import { builder } from "../../graphql/builder.ts";
import type {
  ContactContent as Contact,
  LocationContent as Location,
  MediaContent as Media,
  PollContent as Poll,
  ReactionContent as Reaction,
} from "../../whatsapp/message-content.ts";

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

export const LocationContent = builder.objectRef<Location>("LocationContent").implement({
  fields: (t) => ({
    latitude: t.exposeFloat("latitude"),
    longitude: t.exposeFloat("longitude"),
    name: t.exposeString("name", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
  }),
});

export const ContactContent = builder.objectRef<Contact>("ContactContent").implement({
  fields: (t) => ({
    displayName: t.exposeString("displayName", { nullable: true }),
    vcard: t.exposeString("vcard", { nullable: true }),
  }),
});

export const ReactionContent = builder.objectRef<Reaction>("ReactionContent").implement({
  fields: (t) => ({
    emoji: t.exposeString("emoji"),
    targetKeyId: t.exposeString("targetKeyId", { nullable: true }),
  }),
});

export const PollContent = builder.objectRef<Poll>("PollContent").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    options: t.exposeStringList("options"),
    selectableCount: t.exposeInt("selectableCount"),
  }),
});
