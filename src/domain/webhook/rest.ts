import { z } from "zod";
import { flagsOf } from "../../events/types.ts";
import type { ShimRoutes } from "../../http/shims.ts";
import type { WebhookWithEvents } from "./service.ts";

/** CodeChat's webhook object with its WebhookEvents. */
export function codechatWebhook(webhook: WebhookWithEvents) {
  return {
    webhookId: webhook.id,
    name: webhook.name,
    url: webhook.url,
    enabled: webhook.enabled,
    createdAt: webhook.createdAt.toISOString(),
    updatedAt: webhook.updatedAt.toISOString(),
    instanceInstanceId: webhook.instanceId,
    WebhookEvents: {
      ...flagsOf(webhook.events),
      webhookEventsId: webhook.events.id,
      createdAt: webhook.events.createdAt.toISOString(),
      updatedAt: webhook.events.updatedAt.toISOString(),
    },
  };
}

const Params = z.object({
  instanceId: z.string().describe("ID of the instance."),
  webhookId: z.string().describe("ID of the Webhook"),
});

const UpdateBody = z.object({
  name: z.string().describe("Identification name of your webhook"),
  url: z.string().optional().describe("Instance unique url."),
  enabled: z.boolean().optional().describe("Enable or disable the url."),
});

export const webhookRestRoutes: ShimRoutes = {
  codechat(app, kit) {
    app.put(
      "/api/v2/instance/:instanceId/webhook/:webhookId",
      {
        config: { access: { instance: { param: "instanceId", by: "id" } } },
        schema: { summary: "Update Webhook", params: Params, body: UpdateBody, security: [{ bearer: [] }] },
      },
      async (request) => {
        const { instanceId, webhookId } = request.params;
        const webhook = await kit.services.webhooks.update(
          await kit.caller(request),
          webhookId,
          request.body,
          {
            id: instanceId,
          },
        );
        return codechatWebhook(webhook);
      },
    );
  },
};
