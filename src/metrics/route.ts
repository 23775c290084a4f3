import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { tokenFromHeaders } from "../auth/tokens.ts";
import type { Services } from "../services.ts";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in the Prometheus text format, for the account token or METRICS_TOKEN, in the
 * headers the REST shims read (Bearer, apikey, token). Refusals are plain text: scrapers show them as is.
 */
export function registerMetricsRoute(app: FastifyInstance, services: Services): void {
  const { METRICS_TOKEN } = services.config;
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const token = tokenFromHeaders(request.headers);
    if (!(METRICS_TOKEN && token && sameToken(token, METRICS_TOKEN))) {
      const caller = token === undefined ? null : await services.tokens.resolve(token);
      if (caller?.kind !== "account") {
        reply.type("text/plain; charset=utf-8");
        if (caller) return reply.status(403).send("Forbidden: metrics need the account token\n");
        return reply
          .status(401)
          .header("www-authenticate", "Bearer")
          .send("Unauthorized: a valid token is required\n");
      }
    }
    const { text, contentType } = await services.metrics.scrape();
    return reply.type(contentType).send(text);
  });
}
