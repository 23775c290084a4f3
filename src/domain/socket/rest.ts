import { z } from "zod";
import {
  COARSE_EVENT_NAMES,
  type CoarseEvent,
  coarseFromFlags,
  flagsFromCoarse,
} from "../../events/mappings.ts";
import { allFlags, flagsOf } from "../../events/types.ts";
import type { Socket } from "../../generated/sqlite/client.ts";
import type { ShimRoutes } from "../../http/shims.ts";

/** RyzeAPI's websocket block: coarse events; a disabled socket reads back cleared. */
export function ryzeWebsocket(socket: Socket) {
  return {
    enabled: socket.enabled,
    events: socket.enabled ? coarseFromFlags(flagsOf(socket)) : [],
    mediaBase64: socket.enabled ? socket.mediaBase64 : false,
  };
}

const InstanceNameParams = z.object({ instance: z.string().describe("Instance name.") });
const byName = { instance: { param: "instance", by: "name" } } as const;

const SetWebsocketBody = z.object({
  enabled: z
    .boolean()
    .describe("Turns the WebSocket on/off. When false, events and mediaBase64 are cleared."),
  events: z
    .array(z.enum(COARSE_EVENT_NAMES as [CoarseEvent, ...CoarseEvent[]]))
    .optional()
    .describe("Filter. Empty array = receive all 6 types."),
  mediaBase64: z.boolean().optional(),
});

export const socketRestRoutes: ShimRoutes = {
  codechat(app, kit) {
    app.delete(
      "/api/v2/instance/:instanceId/socket",
      {
        config: {
          access: { instance: { param: "instanceId", by: "id" } },
          rateLimit: "Mutation.deleteSocket",
        },
        schema: {
          summary: "Delete the instance's socket configuration",
          params: z.object({ instanceId: z.string().describe("ID of the instance.") }),
          security: [{ bearer: [] }],
        },
      },
      async (request, reply) => {
        const socket = await kit.services.sockets.delete(await kit.caller(request), {
          id: request.params.instanceId,
        });
        reply.status(201);
        return {
          socketId: socket.id,
          enabled: socket.enabled,
          SocketEvents: flagsOf(socket),
          createdAt: socket.createdAt.toISOString(),
          updatedAt: socket.updatedAt.toISOString(),
          deletedAt: socket.deletedAt.toISOString(),
          instanceInstanceId: socket.instanceId,
        };
      },
    );
  },

  ryze(app, kit) {
    app.post(
      "/api/events/websocket/:instance",
      {
        config: { access: byName, rateLimit: "Mutation.setSocket" },
        schema: {
          summary: "Set Websocket (idempotent upsert, 100/min per token)",
          params: InstanceNameParams,
          body: SetWebsocketBody,
          security: [{ token: [] }],
        },
      },
      async (request) => {
        const { enabled, events, mediaBase64 } = request.body;
        const socket = await kit.services.sockets.set(
          await kit.caller(request),
          { name: request.params.instance },
          enabled
            ? { enabled, events: flagsFromCoarse(events ?? []), mediaBase64: mediaBase64 ?? false }
            : { enabled, events: allFlags(false), mediaBase64: false },
        );
        return {
          success: true,
          message: "WebSocket configured successfully",
          websocket: ryzeWebsocket(socket),
        };
      },
    );
    app.get(
      "/api/events/getWebsocket/:instance",
      {
        config: { access: byName },
        schema: { summary: "Check WebSocket config", params: InstanceNameParams, security: [{ token: [] }] },
      },
      async (request) => {
        const socket = await kit.services.sockets.get(await kit.caller(request), {
          name: request.params.instance,
        });
        return { success: true, websocket: ryzeWebsocket(socket) };
      },
    );
  },
};
