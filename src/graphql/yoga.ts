import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Caller } from "../auth/access.ts";
import { tokenFromHeaders } from "../auth/tokens.ts";
import { DomainError } from "../errors.ts";
import { SlowConsumerError } from "../events/bus.ts";
import { type GraphiQLPage, useGraphiQLPageHeaders } from "../http/graphiql-page.ts";
import type { Services } from "../services.ts";
import { MAX_DOCUMENT_TOKENS, useAnonymousCallerDoor } from "./anonymous-callers.ts";
import type { GraphQLContext } from "./context.ts";

/** What the HTTP and WebSocket servers hand Yoga for each operation. */
export interface ServerContext {
  /** Request headers (HTTP) or connection params merged over upgrade headers (graphql-ws). */
  headers: Record<string, string | string[] | undefined>;
  clientAddress: string;
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

/** Domain errors keep their message and code; anything unexpected is masked and logged. */
function maskError(services: Services) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, { extensions: { code: original.code } });
    }
    if (original instanceof SlowConsumerError) {
      return new GraphQLError(original.message, { extensions: { code: "SLOW_CONSUMER" } });
    }
    if (error instanceof GraphQLError && !error.originalError) return error;
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
    logging: false,
    maskedErrors: { maskError: maskError(services) },
    context: ({ caller, clientAddress }) => ({ caller, callerKey: clientAddress, services }),
    plugins: [
      useAnonymousCallerDoor(config.GRAPHQL_INTROSPECTION),
      EnvelopArmorPlugin({
        maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
        costLimit: { maxCost: config.GRAPHQL_MAX_COST },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: MAX_DOCUMENT_TOKENS },
        blockFieldSuggestion: { enabled: false },
      }),
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf"] }),
      useGraphiQLPageHeaders(),
    ],
  });
}
