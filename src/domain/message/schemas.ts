import { z } from "zod";

const SERVERS = ["s.whatsapp.net", "g.us", "lid", "broadcast", "newsletter"];

/** A phone number (digits, with country code) or a full JID. */
export const Recipient = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value.includes("@")) {
      const [user, server] = value.split("@");
      if (!/^[\d-]{5,40}(:\d+)?$/.test(user) || !SERVERS.includes(server)) {
        context.addIssue({ code: "custom", message: `"${value}" is not a valid WhatsApp JID` });
        return z.NEVER;
      }
      return value;
    }
    const digits = value.replace(/[\s\-().+]/g, "");
    if (!/^\d{8,15}$/.test(digits)) {
      context.addIssue({
        code: "custom",
        message: `"${value}" is not a phone number with country code (8 to 15 digits)`,
      });
      return z.NEVER;
    }
    return `${digits}@s.whatsapp.net`;
  });

export const MessageKeyInput = z.object({
  chatJid: Recipient,
  keyId: z.string().min(1).max(128),
  fromMe: z.boolean().default(false),
});

export const SendText = z.object({
  to: Recipient,
  text: z.string().min(1, "must not be empty").max(65_536),
  quotedKeyId: z.string().max(128).optional(),
  mentions: z.array(Recipient).max(256).optional(),
});

export const SendMedia = z
  .object({
    to: Recipient,
    kind: z.enum(["image", "video", "audio", "document"]),
    url: z.url({ protocol: /^https?$/ }).optional(),
    base64: z.string().optional(),
    mimetype: z.string().max(255).optional(),
    caption: z.string().max(4096).optional(),
    fileName: z.string().max(255).optional(),
    voiceNote: z.boolean().optional(),
  })
  .refine((input) => Boolean(input.url) !== Boolean(input.base64), "give exactly one of url or base64");

export const SendLocation = z.object({
  to: Recipient,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().max(1000).optional(),
  address: z.string().max(1000).optional(),
});

export const SendContact = z.object({
  to: Recipient,
  fullName: z.string().min(1).max(256),
  phoneNumber: z.string().regex(/^\+?[\d\s\-().]{8,20}$/, "must be a phone number"),
  organization: z.string().max(256).optional(),
});

export const SendReaction = z.object({
  key: MessageKeyInput,
  emoji: z.string().max(16),
});

export const SendPoll = z.object({
  to: Recipient,
  name: z.string().min(1).max(255),
  options: z.array(z.string().min(1).max(100)).min(2).max(12),
  selectableCount: z.number().int().min(0).max(12).default(1),
});

export const MarkRead = z.object({ keys: z.array(MessageKeyInput).min(1).max(500) });

export const SendPresence = z.object({
  to: Recipient,
  presence: z.enum(["available", "unavailable", "composing", "recording", "paused"]),
});
