import SchemaBuilder from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin, { resolveNodes } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { GraphQLResolveInfo } from "graphql";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { type ParsedGlobalId, scopesOf, visibleNodes } from "./access.ts";
import type { GraphQLContext } from "./context.ts";

type RateLimitArgs = {
  limit: number;
  duration: number;
};

type BuilderConfig = {
  Context: GraphQLContext;
  DefaultInputFieldRequiredness: true;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  AuthScopes: { authenticated: boolean; account: boolean; instance: string };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  Directives: {
    rateLimit: { locations: "FIELD_DEFINITION"; args: RateLimitArgs };
    rateLimitLong: { locations: "FIELD_DEFINITION"; args: RateLimitArgs };
  };
};

export const builder = new SchemaBuilder<BuilderConfig>({
  // Errors before scope-auth, so authorization failures become typed error results.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DirectivesPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (context) => scopesOf(context.caller),
    unauthorizedError: (_parent, context) =>
      context.caller ? new ForbiddenError() : new UnauthorizedError(),
    // Checked once when a subscription starts, not again for every event it delivers.
    authorizeOnSubscribe: true,
  },
  errors: { directResult: true },
  // graphql-tools (the rate-limit directive, the SDL printer) reads directives as a map.
  directives: { useGraphQLToolsUnorderedDirectives: true },
  prisma: {
    client: (context) => context.services.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: {
      description: "The object with this id, or null when it does not exist or the token does not reach it.",
      resolve: async (_root, args, context, info) => (await loadVisibleNodes([args.id], context, info))[0],
    },
    nodesQueryOptions: {
      description:
        "The objects with these ids (at most 100), each null when it does not exist or the token does not reach it.",
      resolve: (_root, args, context, info) => loadVisibleNodes(args.ids, context, info),
    },
  },
});

function loadVisibleNodes(
  ids: ParsedGlobalId[],
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  // One load per id (Prisma batches them into one query per type), so a missing row is null alone.
  return visibleNodes(
    ids,
    context,
    info,
    async (id) => (await resolveNodes(builder, context, info, [id]))[0],
  );
}

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);
// Every root field needs a valid token; what it reaches beyond that is each type's own rule.
builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
builder.subscriptionType({ authScopes: { authenticated: true } });

export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<BuilderConfig>;
export type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, "InputObject">;
