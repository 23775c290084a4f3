import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Caller, callerKey } from "../auth/access.ts";
import { tokenFromHeaders } from "../auth/tokens.ts";
import { instanceRestRoutes } from "../domain/instance/rest.ts";
import { socketRestRoutes } from "../domain/socket/rest.ts";
import { webhookRestRoutes } from "../domain/webhook/rest.ts";
import type { LimitedOperation } from "../limits/rate-limits.ts";
import type { Services } from "../services.ts";
import { answerError, type Family } from "./families.ts";

export type ShimApp = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every shim route gets: the services and the per-request helpers. */
export interface ShimKit {
  services: Services;
  /** The request's caller (null when no valid token came with it). */
  caller(request: FastifyRequest): Promise<Caller>;
  /** Counts the request against an operation's limits (shared with GraphQL). */
  limit(request: FastifyRequest, operation: LimitedOperation): Promise<void>;
}

export type ShimRoutes = Partial<Record<Family, (app: ShimApp, kit: ShimKit) => void>>;

const FAMILY_TAGS: Record<Family, string> = {
  codechat: "CodeChat v2",
  evolution: "Evolution API v2",
  ryze: "RyzeAPI",
};

export async function registerShims(app: ShimApp, services: Services): Promise<void> {
  const callers = new WeakMap<FastifyRequest, Promise<Caller>>();
  const kit: ShimKit = {
    services,
    caller(request) {
      let caller = callers.get(request);
      if (!caller) {
        const token = tokenFromHeaders(request.headers);
        caller = token ? services.tokens.resolve(token) : Promise.resolve(null);
        callers.set(request, caller);
      }
      return caller;
    },
    async limit(request, operation) {
      await services.limits.consume(operation, callerKey(await kit.caller(request), request.ip));
    },
  };
  const domains: ShimRoutes[] = [instanceRestRoutes, webhookRestRoutes, socketRestRoutes];
  for (const family of Object.keys(FAMILY_TAGS) as Family[]) {
    // Each family is its own scope so its error handler answers in its own shape.
    await app.register(async (scope: ShimApp) => {
      scope.addHook("onRoute", (route) => {
        route.schema = { tags: [FAMILY_TAGS[family]], ...route.schema };
      });
      scope.setErrorHandler((error, request, reply) => {
        const answer = answerError(family, error);
        if (answer.status >= 500) request.log.error({ err: error }, "shim request failed");
        reply.status(answer.status).send(answer.body);
      });
      for (const routes of domains) routes[family]?.(scope, kit);
    });
  }
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: "Not Found", message: `No route ${request.method} ${request.url}`, statusCode: 404 });
  });
}
