// Who may open GET /ws/:instance and GET /ws: decided before the connection becomes a
// WebSocket, and refused with an HTTP answer in RyzeAPI's error shape.
import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { tokenFromHeaders } from "../auth/tokens.ts";
import { DomainError } from "../errors.ts";
import { answerError, type ErrorAnswer, errorBody } from "../http/families.ts";
import type { Services } from "../services.ts";
import type { StreamGrant, WsHub } from "./ws-hub.ts";

/** Whether an upgrade request is for the hub. */
export function isHubPath(path: string): boolean {
  return path === "/ws" || path.startsWith("/ws/");
}

const refusal = (status: number, message: string): ErrorAnswer => ({
  status,
  body: errorBody("ryze", status, message),
});

/**
 * Authenticates first (an unknown caller learns nothing about instances), then authorizes
 * the instance, then checks its socket configuration is enabled. The token comes in the
 * `token` header (any header the REST families use works) or the `token` query parameter,
 * which browsers need: they cannot set headers on a WebSocket.
 */
export function hubUpgrade(services: Services, hub: WsHub) {
  return async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    // Until ws takes the socket over: a client gone meanwhile must not be an unhandled error.
    const onError = () => socket.destroy();
    socket.on("error", onError);
    try {
      const decision = await decide(services, hub, request);
      if ("status" in decision) return refuse(socket, decision);
      socket.off("error", onError);
      hub.accept(request, socket, head, decision);
    } catch (error) {
      services.logger.error({ err: error }, "WebSocket upgrade failed");
      refuse(socket, refusal(500, "Failed to get instance"));
    }
  };
}

async function decide(services: Services, hub: WsHub, request: IncomingMessage) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const token = tokenFromHeaders(request.headers) ?? (url.searchParams.get("token") || undefined);
  const mark = hub.revocationMark();
  const caller = token ? await services.tokens.resolve(token) : null;
  if (!caller) return refusal(401, "Invalid token");
  if (url.pathname === "/ws") {
    if (caller.kind !== "account") return refusal(403, "The account-wide stream needs the account token");
    return { owner: caller } satisfies StreamGrant;
  }
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice("/ws/".length));
  } catch {
    return refusal(400, "The path is not a valid URL (bad percent-encoding)");
  }
  let instanceId: string;
  try {
    instanceId = (await services.instances.get(caller, { name })).id;
  } catch (error) {
    if (error instanceof DomainError) return answerError("ryze", error);
    throw error;
  }
  await services.socketConfigs.load(instanceId);
  // Read again after the last wait: a rotation, a change or a deletion may have come meanwhile.
  if (caller.kind === "instance" && hub.revokedSince(instanceId, mark)) return refusal(401, "Invalid token");
  const config = services.socketConfigs.peek(instanceId);
  if (config === undefined) return refusal(404, "Instance not found");
  if (!config?.enabled) {
    return refusal(
      400,
      config ? "WebSocket disabled for this instance" : "WebSocket not configured for this instance",
    );
  }
  return { owner: caller, instanceId } satisfies StreamGrant;
}

/** An HTTP answer on the raw socket, which is then closed: no WebSocket was opened. */
function refuse(socket: Duplex, answer: ErrorAnswer): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(answer.body);
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? "Error"}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "\r\n" +
      body,
  );
}
