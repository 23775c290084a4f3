import { wrapErrorIfMatches } from "@pothos/plugin-errors";
import { buildSchema, type GraphQLSchema } from "graphql";
import { rateLimitDirective } from "graphql-rate-limit-directive";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { callerKey } from "../auth/access.ts";
import type { RateLimiters } from "../limits/rate-limits.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { RateLimitedError } from "./errors.ts";
import "./errors.ts";
import "../domain/instance/graphql.ts";
import "../domain/instance/connection-graphql.ts";
import "../domain/chat/graphql.ts";
import "../domain/webhook/graphql.ts";
import "../domain/webhook/deliveries-graphql.ts";
import "../domain/socket/graphql.ts";
import "../delivery/subscriptions.ts";
import "../cluster/graphql.ts";

/** Builds the schema; rate limits count in the same limiters the REST shims use. */
export function buildGraphQLSchema(limits?: RateLimiters): GraphQLSchema {
  const directives = ["rateLimit", "rateLimitLong"].map((name) => {
    // The directive constructs its limiters itself; hand it the shared ones instead.
    function SharedLimiter(options: { points: number; duration: number }) {
      return limits?.limiter({ limit: options.points, duration: options.duration });
    }
    return rateLimitDirective<GraphQLContext, never>({
      name,
      limiterClass: SharedLimiter as unknown as typeof RateLimiterAbstract,
      keyGenerator: (_args, _source, _fieldArgs, context, info) =>
        `${info.parentType.name}.${info.fieldName}:${callerKey(context.caller, context.callerKey)}`,
      // The directive wraps resolvers outside the errors plugin, so the error is marked
      // here the way the plugin marks caught errors, to resolve as RateLimitedError.
      onLimit: (response, directiveArgs, _source, _args, context) => {
        const error = new RateLimitedError(
          Math.max(1, Math.ceil(response.msBeforeNext / 1000)),
          directiveArgs.limit,
        );
        // An HTTP answer carries the limit in its headers too (see the /graphql route).
        if (context.limitReached) context.limitReached.error = error;
        return wrapErrorIfMatches(error, [RateLimitedError]);
      },
    });
  });
  const directiveDefinitions = buildSchema(
    `${directives.map((d) => d.rateLimitDirectiveTypeDefs).join("\n")}\ntype Query { _: Int }`,
  )
    .getDirectives()
    .filter((directive) => directive.name.startsWith("rateLimit"));
  let schema = builder.toSchema({ directives: directiveDefinitions, sortSchema: true });
  if (limits) {
    for (const directive of directives) schema = directive.rateLimitDirectiveTransformer(schema);
  }
  return schema;
}
