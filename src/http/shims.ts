import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Caller, callerKey, requireAccount } from "../auth/access.ts";
import { tokenFromHeaders } from "../auth/tokens.ts";
import { instanceRestRoutes } from "../domain/instance/rest.ts";
import { socketRestRoutes } from "../domain/socket/rest.ts";
import { loneSurrogateAt } from "../domain/validate.ts";
import { webhookRestRoutes } from "../domain/webhook/rest.ts";
import { UnauthorizedError, ValidationError } from "../errors.ts";
import type { LimitedOperation } from "../limits/rate-limits.ts";
import { excerpt } from "../logger.ts";
import type { Services } from "../services.ts";
import { answerError, answerForPath, type Family } from "./families.ts";

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
}

export type ShimRoutes = Partial<Record<Family, (app: ShimApp, kit: ShimKit) => void>>;

/** Who may call a shim route: the account token, or a token that reaches the instance in the path. */
export type RouteAccess = "account" | { instance: { param: string; by: "id" | "name" } };

declare module "fastify" {
  interface FastifyContextConfig {
    /** Checked before the body is read or validated: unknown callers learn nothing. */
    access?: RouteAccess;
    /** The limited operation the route counts against, after access and before validation. */
    rateLimit?: LimitedOperation;
  }
}

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
  };
  const domains: ShimRoutes[] = [instanceRestRoutes, webhookRestRoutes, socketRestRoutes];
  for (const family of Object.keys(FAMILY_TAGS) as Family[]) {
    // Each family is its own scope so its error handler answers in its own shape.
    await app.register(async (scope: ShimApp) => {
      scope.addHook("onRoute", (route) => {
        if (!route.config?.access) throw new Error(`${route.method} ${route.url} declares no access rule`);
        route.schema = { tags: [FAMILY_TAGS[family]], ...route.schema };
      });
      scope.addHook("onRequest", async (request) => {
        const { access, rateLimit } = request.routeOptions.config;
        const caller = await kit.caller(request);
        if (!caller) throw new UnauthorizedError();
        if (rateLimit) await services.limits.consume(rateLimit, callerKey(caller, request.ip));
        if (access === "account") requireAccount(caller);
        else if (access) {
          const value = (request.params as Record<string, string>)[access.instance.param] ?? "";
          await services.instances.get(caller, access.instance.by === "id" ? { id: value } : { name: value });
        }
      });
      // Strings that are not valid Unicode could not be stored as sent: refused, not replaced.
      scope.addHook("preValidation", async (request) => {
        const path = loneSurrogateAt(request.body);
        if (path !== undefined) {
          throw new ValidationError([
            { path, message: "is not valid Unicode text (it holds a lone surrogate)" },
          ]);
        }
      });
      scope.setErrorHandler((error, request, reply) => {
        const answer = answerError(family, error);
        if (answer.status >= 500) request.log.error({ err: error }, "shim request failed");
        reply.headers(answer.headers ?? {});
        reply.status(answer.status).send(answer.body);
      });
      for (const routes of domains) routes[family]?.(scope, kit);
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    const answer = answerForPath(path, 404, `No route ${request.method} ${excerpt(path)}`, "NOT_FOUND");
    reply.status(answer.status).send(answer.body);
  });
}
