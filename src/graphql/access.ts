// Who may see what through GraphQL. Every type that holds an instance's data carries a rule
// (`authScopes`); `node`/`nodes` serve an object only when its type's rule lets the caller see it.
import { type GraphQLResolveInfo, isObjectType } from "graphql";
import { type Caller, canAccessInstance } from "../auth/access.ts";
import { ValidationError } from "../errors.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { GraphQLContext } from "./context.ts";

/** Most ids one `nodes` call may ask for. */
export const MAX_NODE_IDS = 100;

/** The scopes a caller holds, as the scope-auth plugin and `node` both read them. */
export function scopesOf(caller: Caller) {
  return {
    authenticated: caller !== null,
    account: caller?.kind === "account",
    instance: (instanceId: string) => canAccessInstance(caller, instanceId),
  };
}

/** The rule of a row that belongs to one instance: the account token and that instance's own. */
export const ownedByInstance = (row: { instanceId: string }) => ({ instance: row.instanceId });

type ScopeMap = { authenticated?: boolean; account?: boolean; instance?: string };
type TypeRule = ScopeMap | boolean | ((row: unknown, context: GraphQLContext) => ScopeMap | boolean);

/** The type-level rule of an object type, if it has one. */
export function typeRule(info: GraphQLResolveInfo, typename: string): TypeRule | undefined {
  const type = info.schema.getType(typename);
  if (!isObjectType(type)) return undefined;
  return (type.extensions?.pothosOptions as { authScopes?: TypeRule } | undefined)?.authScopes;
}

/** Whether a rule lets the caller see a row ("any" of its scopes, as the plugin is set up). */
function allows(rule: TypeRule, row: unknown, context: GraphQLContext): boolean {
  const scopes = typeof rule === "function" ? rule(row, context) : rule;
  if (typeof scopes === "boolean") return scopes;
  const held = scopesOf(context.caller);
  return (
    (scopes.authenticated === true && held.authenticated) ||
    (scopes.account === true && held.account) ||
    (typeof scopes.instance === "string" && held.instance(scopes.instance))
  );
}

export interface ParsedGlobalId {
  typename: string;
  id: string;
}

/**
 * Loads nodes through the relay plugin, answering null for ids that name no node type, that
 * cannot exist (a message id that is not a number), that do not exist, or whose type's rule
 * does not let the caller see them: another instance's token learns nothing, not even that an
 * id exists.
 */
export async function visibleNodes(
  ids: readonly ParsedGlobalId[],
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  load: (id: ParsedGlobalId) => Promise<unknown>,
): Promise<unknown[]> {
  if (ids.length > MAX_NODE_IDS) {
    throw new ValidationError([{ path: "ids", message: `at most ${MAX_NODE_IDS} ids per call` }]);
  }
  return Promise.all(
    ids.map(async (id) => {
      const rule = typeRule(info, id.typename);
      if (!rule || !isNode(info, id.typename) || !wellFormed(info, id)) return null;
      const row = await load(id).catch(whenMissing);
      return row && allows(rule, row, context) ? row : null;
    }),
  );
}

function isNode(info: GraphQLResolveInfo, typename: string): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((implemented) => implemented.name === "Node");
}

/** A row that does not exist is null; anything else is a real failure. */
function whenMissing(error: unknown): null {
  if ((error as { code?: string }).code === "P2025") return null;
  throw error;
}

const models = getDatamodel().datamodel.models;

/** Whether an id can name a row of the type's model (an integer key cannot be "abc"). */
function wellFormed(info: GraphQLResolveInfo, { typename, id }: ParsedGlobalId): boolean {
  const model = info.schema.getType(typename)?.extensions?.pothosPrismaModel as string | undefined;
  const key = model ? models[model]?.fields.find((field) => field.isId) : undefined;
  if (!key) return false;
  if (key.type === "Int") return /^\d{1,10}$/.test(id) && Number(id) <= 2 ** 31 - 1;
  return id.length > 0 && id.length <= 128;
}
