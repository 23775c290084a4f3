import { z } from "zod";
import { EventFlagsPatch } from "../flags.ts";

export const WebhookUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL");

export const WebhookName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

/** The body envelope and event names a webhook's requests use: wagraph's own, or an API family's. */
export const WEBHOOK_FORMATS = ["wagraph", "codechat", "evolution", "ryze"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const CreateWebhookInput = z.object({
  format: z.enum(WEBHOOK_FORMATS).optional(),
  name: WebhookName,
  url: WebhookUrl,
  enabled: z.boolean().optional(),
  events: EventFlagsPatch.optional(),
  authorization: z.string().max(1000).nullish(),
  mediaBase64: z.boolean().optional(),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z.object({
  format: z.enum(WEBHOOK_FORMATS).optional(),
  name: WebhookName.optional(),
  url: WebhookUrl.optional(),
  enabled: z.boolean().optional(),
  authorization: z.string().max(1000).nullish(),
  mediaBase64: z.boolean().optional(),
});
export type UpdateWebhookInput = z.input<typeof UpdateWebhookInput>;
