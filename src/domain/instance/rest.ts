import { z } from "zod";
import { COARSE_EVENT_NAMES, coarseFromFlags, flagsFromCoarse } from "../../events/mappings.ts";
import { allFlags, flagsOf } from "../../events/types.ts";
import type { Instance } from "../../generated/sqlite/client.ts";
import type { ShimKit, ShimRoutes } from "../../http/shims.ts";
import { ryzeWebsocket } from "../socket/rest.ts";
import { codechatWebhook } from "../webhook/rest.ts";
import { provisionInstance } from "./provisioning.ts";

const InstanceIdParams = z.object({ instanceId: z.string().describe("ID of the instance.") });
const InstanceNameParams = z.object({ instanceName: z.string().describe("Name of the instance.") });
const byName = { instance: { param: "instanceName", by: "name" } } as const;

/** CodeChat's InstanceFindResponse: the instance with Auth, WhatsApp, Webhook[] and Business. */
async function codechatInstance(kit: ShimKit, instance: Instance) {
  const full = await kit.services.prisma.instance.findUniqueOrThrow({
    where: { id: instance.id },
    include: { auth: true, whatsapp: true, business: true, webhooks: { include: { events: true } } },
  });
  const jwt = full.auth
    ? await kit.services.tokens.sign(full.id, full.auth.tokenId, full.auth.issuedAt)
    : null;
  return {
    instanceId: full.id,
    name: full.name,
    description: full.description,
    state: full.state,
    connection: full.connection,
    createdAt: full.createdAt.toISOString(),
    deletedAt: null,
    Auth: full.auth
      ? {
          authId: full.auth.id,
          jwt,
          createdAt: full.auth.createdAt.toISOString(),
          updatedAt: full.auth.updatedAt.toISOString(),
        }
      : null,
    WhatsApp: full.whatsapp
      ? {
          whatsappId: full.whatsapp.id,
          remoteJid: full.whatsapp.remoteJid,
          pictureUrl: full.whatsapp.pictureUrl,
          pushName: full.whatsapp.pushName,
          createdAt: full.whatsapp.createdAt.toISOString(),
        }
      : null,
    Webhook: full.webhooks.map((webhook) =>
      codechatWebhook(webhook as Parameters<typeof codechatWebhook>[0]),
    ),
    Business: full.business ? { businessId: full.business.id, name: full.business.name } : null,
  };
}

const CoarseEvents = z.array(z.enum(COARSE_EVENT_NAMES as [string, ...string[]])).default([]);

const RyzeCreateBody = z.object({
  name: z.string(),
  token: z.string().optional(),
  webhookEnabled: z.boolean().optional(),
  webhookURL: z.string().optional(),
  webhookEvents: CoarseEvents.optional(),
  webhookAuthorization: z.string().optional(),
  webhookMediaBase64: z.boolean().optional(),
  websocketEnabled: z.boolean().optional(),
  websocketEvents: CoarseEvents.optional(),
  websocketMediaBase64: z.boolean().optional(),
  autoRejectCalls: z.boolean().optional(),
  callRejectMessage: z.string().optional(),
  ignoreGroupMessages: z.boolean().optional(),
  keepOnlineStatus: z.boolean().optional(),
  autoReadMessages: z.boolean().optional(),
  disableHistorySync: z.boolean().optional(),
  ignoreStatus: z.boolean().optional(),
});
type CoarseList = Parameters<typeof flagsFromCoarse>[0];

export const instanceRestRoutes: ShimRoutes = {
  codechat(app, kit) {
    app.delete(
      "/api/v2/instance/:instanceId/logout",
      {
        config: { access: { instance: { param: "instanceId", by: "id" } } },
        schema: { summary: "Log off the WhatsApp instance (it must be connected)", params: InstanceIdParams },
      },
      async (request) => {
        const caller = await kit.caller(request);
        const instance = await kit.services.instances.logout(caller, { id: request.params.instanceId });
        return codechatInstance(kit, instance);
      },
    );
  },

  evolution(app, kit) {
    app.delete(
      "/instance/delete/:instanceName",
      {
        config: { access: byName, rateLimit: "Mutation.deleteInstance" },
        schema: {
          summary: "Permanently delete an instance (10/min and 100/h per caller)",
          params: InstanceNameParams,
          security: [{ apikey: [] }],
        },
      },
      async (request) => {
        await kit.services.instances.delete(await kit.caller(request), { name: request.params.instanceName });
        return { status: "SUCCESS", error: false, response: { message: "Instance deleted" } };
      },
    );
    app.delete(
      "/instance/logout/:instanceName",
      {
        config: { access: byName },
        schema: { summary: "Log the instance off WhatsApp, keeping its data", params: InstanceNameParams },
      },
      async (request) => {
        await kit.services.instances.logout(await kit.caller(request), { name: request.params.instanceName });
        return { status: "SUCCESS", error: false, response: { message: "Instance logged out" } };
      },
    );
  },

  ryze(app, kit) {
    app.post(
      "/api/instance/new",
      {
        config: { access: "account", rateLimit: "Ryze.createInstance" },
        schema: {
          summary: "Create an instance (account token, 20/min)",
          body: RyzeCreateBody,
          security: [{ token: [] }],
        },
      },
      async (request, reply) => {
        const body = request.body;
        const created = await provisionInstance(kit.services, await kit.caller(request), {
          instance: {
            name: body.name,
            token: body.token,
            rejectCalls: body.autoRejectCalls,
            callRejectMessage: body.callRejectMessage,
            ignoreGroups: body.ignoreGroupMessages,
            ignoreStatus: body.ignoreStatus,
            alwaysOnline: body.keepOnlineStatus,
            readMessages: body.autoReadMessages,
            syncFullHistory: body.disableHistorySync === undefined ? undefined : !body.disableHistorySync,
          },
          webhook: body.webhookURL
            ? {
                enabled: body.webhookEnabled ?? true,
                url: body.webhookURL,
                events: flagsFromCoarse((body.webhookEvents ?? []) as CoarseList),
                authorization: body.webhookAuthorization,
                mediaBase64: body.webhookMediaBase64,
                format: "ryze" as const,
              }
            : undefined,
          socket:
            body.websocketEnabled === undefined
              ? undefined
              : {
                  enabled: body.websocketEnabled,
                  events: body.websocketEnabled
                    ? flagsFromCoarse((body.websocketEvents ?? []) as CoarseList)
                    : allFlags(false),
                  mediaBase64: body.websocketEnabled ? (body.websocketMediaBase64 ?? false) : false,
                },
        });
        const { instance, webhook, socket } = created;
        reply.status(201);
        return {
          success: true,
          message: "Instance created successfully",
          instance: {
            id: instance.id,
            name: instance.name,
            token: created.token,
            status: "disconnected",
            createdAt: instance.createdAt.toISOString(),
            webhook: webhook
              ? {
                  enabled: webhook.enabled,
                  url: webhook.url,
                  events: coarseFromFlags(flagsOf(webhook.events)),
                  mediaBase64: webhook.mediaBase64,
                }
              : { enabled: false, url: null, events: [], mediaBase64: false },
            websocket: socket ? ryzeWebsocket(socket) : { enabled: false, events: [], mediaBase64: false },
            settings: {
              autoRejectCalls: instance.rejectCalls,
              callRejectMessage: instance.callRejectMessage,
              ignoreGroupMessages: instance.ignoreGroups,
              keepOnlineStatus: instance.alwaysOnline,
              autoReadMessages: instance.readMessages,
              disableHistorySync: !instance.syncFullHistory,
              ignoreStatus: instance.ignoreStatus,
            },
          },
        };
      },
    );
  },
};
