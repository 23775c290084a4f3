import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Caller } from "../auth/access.ts";
import { TokenRevokedError } from "../auth/revocations.ts";
import { tokenFromHeaders } from "../auth/tokens.ts";
import { DomainError, type RateLimitedError } from "../errors.ts";
import { SlowConsumerError } from "../events/bus.ts";
import { ReplayUnavailableError } from "../events/replay.ts";
import { type GraphiQLPage, useGraphiQLPageHeaders } from "../http/graphiql-page.ts";
import type { Services } from "../services.ts";
import { MAX_DOCUMENT_TOKENS, useAnonymousCallerDoor } from "./anonymous-callers.ts";
import type { GraphQLContext } from "./context.ts";
import { COST_WEIGHTS, useInputChecks } from "./input-checks.ts";
import { useSharedSubscriptionResults } from "./shared-subscriptions.ts";

/** What the HTTP and WebSocket servers hand Yoga for each operation. */
export interface ServerContext {
  /** Request headers (HTTP) or connection params merged over upgrade headers (graphql-ws). */
  headers: Record<string, string | string[] | undefined>;
  clientAddress: string;
  /** HTTP only: filled when an operation runs into a rate limit. */
  limitReached?: { error?: RateLimitedError };
  /** Who sent it, resolved from its token before Yoga runs; null without a valid token. */
  caller: Caller;
}

export async function callerFromHeaders(
  services: Services,
  headers: Record<string, string | string[] | undefined>,
): Promise<Caller> {
  const token = tokenFromHeaders(headers);
  return token ? services.tokens.resolve(token) : null;
}

/**
 * Domain errors keep their message and code. The client's own mistakes (a variable of the wrong
 * type, a malformed id or cursor, a negative page size) are answered as validation errors and
 * logged at debug level at most; anything unexpected is masked and logged.
 */
function maskError(services: Services) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, { extensions: { code: original.code } });
    }
    if (original instanceof SlowConsumerError) {
      return new GraphQLError(original.message, { extensions: { code: "SLOW_CONSUMER" } });
    }
    if (original instanceof ReplayUnavailableError) {
      return new GraphQLError(original.message, { extensions: { code: "REPLAY_UNAVAILABLE" } });
    }
    if (original instanceof TokenRevokedError) {
      return new GraphQLError(original.message, { extensions: { code: "TOKEN_REVOKED" } });
    }
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      // GraphQL's own errors and those raised on purpose (a variable of the wrong type, a
      // malformed id or cursor, a negative page size) are the client's: answered, not logged.
      if (!original) return error;
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: {
          code: (original as GraphQLError).extensions.code ?? "VALIDATION",
          // Without a path the whole request was refused (variable coercion): a 400.
          ...(error.path ? {} : { http: { status: 400 } }),
        },
      });
    }
    services.logger.error({ err: original }, "unexpected error in a GraphQL operation");
    return new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
  };
}

/** `graphiql`: the offline page, or undefined to serve no GraphiQL. */
export function createGraphQLServer(
  schema: GraphQLSchema,
  services: Services,
  graphiql: GraphiQLPage | undefined,
): YogaServerInstance<ServerContext, GraphQLContext> {
  const { config } = services;
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: graphiql?.options ?? false,
    renderGraphiQL: graphiql?.render,
    landingPage: false,
    // Cross-origin access is decided once for every path, by the HTTP server (CORS_ORIGINS).
    cors: false,
    logging: false,
    maskedErrors: { maskError: maskError(services) },
    context: ({ caller, clientAddress, limitReached }) => ({
      caller,
      callerKey: clientAddress,
      services,
      limitReached,
    }),
    plugins: [
      useAnonymousCallerDoor(config.GRAPHQL_INTROSPECTION),
      EnvelopArmorPlugin({
        maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
        costLimit: { ...COST_WEIGHTS, maxCost: config.GRAPHQL_MAX_COST },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: MAX_DOCUMENT_TOKENS },
        blockFieldSuggestion: { enabled: false },
      }),
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf"] }),
      useInputChecks(config.GRAPHQL_MAX_COST),
      useGraphiQLPageHeaders(),
      useSharedSubscriptionResults(),
    ],
  });
}
