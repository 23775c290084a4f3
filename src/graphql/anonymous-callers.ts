// Every GraphQL field needs a token, so a request without a valid one is answered before its
// document is parsed or validated: an anonymous caller learns nothing about the schema from
// syntax errors, validation messages or field suggestions.
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Caller } from "../auth/access.ts";
import type { Config } from "../config.ts";

type IntrospectionMode = Config["GRAPHQL_INTROSPECTION"];

/** Most tokens a GraphQL document may have (the same bound for the gateway's own parse). */
export const MAX_DOCUMENT_TOKENS = 5000;

const INTROSPECTION_FIELDS = new Set(["__schema", "__type", "__typename"]);

/** The whole answer to a request without a valid token: 401 and nothing about the request. */
function tokenRequired(): GraphQLError {
  return new GraphQLError("A valid token is required", {
    extensions: {
      code: "UNAUTHENTICATED",
      http: { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    },
  });
}

function onlyIntrospection(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visited: Set<string>,
): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return onlyIntrospection(selection.selectionSet, fragments, visited);
    }
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || visited.has(name)) return false;
    visited.add(name);
    return onlyIntrospection(fragment.selectionSet, fragments, visited);
  });
}

/** True when the document parses and each of its operations is a query of introspection fields only. */
function isIntrospectionOnly(query: unknown): boolean {
  if (typeof query !== "string") return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: MAX_DOCUMENT_TOKENS });
  } catch {
    return false;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return (
    operations.length > 0 &&
    operations.every(
      (operation) =>
        operation.operation === "query" && onlyIntrospection(operation.selectionSet, fragments, new Set()),
    )
  );
}

/** graphql-js appends " Did you mean …?" to messages about unknown names. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ Did you mean .*\?$/s, "");
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/** The errors of an answer to an anonymous caller, without field, type or argument suggestions. */
export function withoutSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map(withoutSuggestion);
}

/**
 * The door for anonymous callers. The transport resolves `caller` from the request's token
 * before Yoga runs. Without one, the request is refused before its parameters are read, unless
 * introspection is public and the operation is pure introspection; then the answer loses its
 * suggestions (here rather than at validation, whose results Yoga caches for every caller).
 * Introspection `off` is a validation error for everyone.
 */
export function useAnonymousCallerDoor(
  mode: IntrospectionMode,
): Plugin<{ caller: Caller }, { caller: Caller }> {
  return {
    onRequestParse({ serverContext }) {
      if (serverContext.caller) return;
      if (mode !== "public") throw tokenRequired();
      return {
        onRequestParseDone({ requestParserResult }) {
          const requests = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
          if (!requests.every((request) => isIntrospectionOnly(request.query))) throw tokenRequired();
        },
      };
    },
    onValidate({ addValidationRule }) {
      if (mode === "off") addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    onExecutionResult({ result, setResult, context }) {
      if (context.caller || !result || !("errors" in result) || !result.errors?.length) return;
      setResult({ ...result, errors: withoutSuggestions(result.errors) });
    },
  };
}
