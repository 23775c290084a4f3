import SchemaBuilder from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { canAccessInstance } from "../auth/access.ts";
import { ForbiddenError, issuesFromZod, UnauthorizedError, ValidationError } from "../errors.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
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
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, DirectivesPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.caller !== null,
      account: context.caller?.kind === "account",
      instance: (instanceId) => canAccessInstance(context.caller, instanceId),
    }),
    unauthorizedError: (_parent, context) =>
      context.caller ? new ForbiddenError() : new UnauthorizedError(),
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
  },
  validation: {
    validationError: (failure) =>
      new ValidationError(
        issuesFromZod(
          failure.issues.map((issue) => ({
            path: (issue.path ?? []).map((part) => (typeof part === "object" ? part.key : part)),
            message: issue.message,
          })),
        ),
      ),
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<BuilderConfig>;
export type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, "InputObject">;
