// Every type a caller can reach carries an access rule: a walk over the built schema, so a type
// added later without one fails here.
import { type GraphQLObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../../src/graphql/schema.ts";

const schema = buildGraphQLSchema();
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__"),
);

const ruleOf = (type: GraphQLObjectType) =>
  (type.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;

describe("access rules", () => {
  it("guard every root type: each field needs at least a valid token", () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const unguarded = roots.filter((root) => root && !ruleOf(root)).map((root) => root?.name);
    expect(unguarded).toEqual([]);
  });

  it("are on every type implementing Node, since node() and nodes() reach them by id alone", () => {
    const node = schema.getType("Node");
    expect(isInterfaceType(node)).toBe(true);
    const implementations = schema.getPossibleTypes(node as never);
    expect(implementations.map((type) => type.name).sort()).toEqual(["Instance", "Message", "Webhook"]);
    expect(implementations.filter((type) => !ruleOf(type)).map((type) => type.name)).toEqual([]);
  });

  it("are on every type that shows stored rows, however it is reached", () => {
    const rowTypes = objectTypes.filter((type) => type.extensions?.pothosPrismaModel);
    expect(rowTypes.length).toBeGreaterThanOrEqual(9);
    expect(rowTypes.filter((type) => !ruleOf(type)).map((type) => type.name)).toEqual([]);
  });

  it("give each row type the rule of its instance: the account token and that instance's own", () => {
    const caller = { kind: "instance", instanceId: "i-1" };
    for (const type of objectTypes.filter((each) => each.extensions?.pothosPrismaModel)) {
      const rule = ruleOf(type) as (row: object, context: object) => unknown;
      const row = type.name === "Instance" ? { id: "i-1" } : { id: "r-1", instanceId: "i-1" };
      expect({ type: type.name, scopes: rule(row, { caller }) }).toEqual({
        type: type.name,
        scopes: { instance: "i-1" },
      });
    }
  });
});
