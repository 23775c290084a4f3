import { z } from "zod";

/** Instance names appear in URL paths of the REST families: keep them path-safe. */
export const InstanceName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "may contain only letters, digits, '.', '_' and '-'");

export const InstanceSettings = z.object({
  rejectCalls: z.boolean().optional(),
  callRejectMessage: z.string().max(1000).nullish(),
  ignoreGroups: z.boolean().optional(),
  ignoreStatus: z.boolean().optional(),
  alwaysOnline: z.boolean().optional(),
  readMessages: z.boolean().optional(),
  syncFullHistory: z.boolean().optional(),
});

export const CreateInstanceInput = InstanceSettings.extend({
  name: InstanceName,
  description: z.string().max(500).nullish(),
  /** A caller-chosen instance token (RyzeAPI); a signed JWT is issued when absent. */
  token: z.string().min(16, "must be at least 16 characters").max(256).optional(),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceInput>;

export const UpdateInstanceInput = InstanceSettings.extend({
  name: InstanceName.optional(),
  description: z.string().max(500).nullish(),
  state: z.enum(["active", "inactive"]).optional(),
});
export type UpdateInstanceInput = z.input<typeof UpdateInstanceInput>;

export const Uuid = z.uuid("must be a UUID");

/** A phone number in international form; spaces, dashes, dots, parentheses and + are ignored. */
export const PhoneNumber = z
  .string()
  .transform((value) => value.replace(/[\s\-().+]/g, ""))
  .pipe(z.string().regex(/^\d{8,15}$/, "must be a phone number with country code, 8 to 15 digits"));
