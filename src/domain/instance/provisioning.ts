import { type Caller, requireAccount } from "../../auth/access.ts";
import type { Socket } from "../../generated/sqlite/client.ts";
import type { EventFlagsPatch } from "../flags.ts";
import type { SocketService } from "../socket/service.ts";
import type { WebhookFormat } from "../webhook/schemas.ts";
import type { WebhookService, WebhookWithEvents } from "../webhook/service.ts";
import type { CreateInstanceInput } from "./schemas.ts";
import type { InstanceService } from "./service.ts";

export interface ProvisionInput {
  instance: CreateInstanceInput;
  webhook?: {
    enabled: boolean;
    url?: string;
    events: EventFlagsPatch;
    authorization?: string;
    mediaBase64?: boolean;
    format?: WebhookFormat;
  };
  socket?: { enabled: boolean; events: EventFlagsPatch; mediaBase64?: boolean };
}

/**
 * Creates an instance with its first webhook and socket in one call. A webhook block the
 * caller got wrong (a bad or refused URL) fails the whole call before anything is created;
 * a block that fails afterwards is left out (reported as null) instead of undoing the creation.
 */
export async function provisionInstance(
  services: { instances: InstanceService; webhooks: WebhookService; sockets: SocketService },
  caller: Caller,
  input: ProvisionInput,
) {
  requireAccount(caller);
  const webhookInput = input.webhook?.url
    ? { name: "default", ...input.webhook, url: input.webhook.url }
    : undefined;
  if (webhookInput) services.webhooks.checkCreate(webhookInput);
  const created = await services.instances.create(caller, input.instance);
  const ref = { id: created.instance.id };
  let webhook: WebhookWithEvents | null = null;
  if (webhookInput) webhook = await services.webhooks.create(caller, ref, webhookInput).catch(() => null);
  let socket: Socket | null = null;
  if (input.socket) socket = await services.sockets.set(caller, ref, input.socket).catch(() => null);
  return { ...created, webhook, socket };
}
