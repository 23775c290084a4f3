// Checks on the values an operation is run with, variables included: the document alone
// (what validation sees) says nothing about a list of 5,000 ids passed as a variable.
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import {
  astFromValue,
  coerceInputValue,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
  typeFromAST,
  type ValueNode,
  validate,
  visit,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { loneSurrogateAt } from "../domain/validate.ts";

/**
 * How a selection is costed: each field 1 (2 with a selection), times its page size. Nesting
 * is not weighted beyond that: a page of 100 rows costs 100 rows, at any depth.
 */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1 };

/** Longest list any argument may hold; fields set lower bounds of their own. */
export const MAX_LIST_ARGUMENT = 1000;

/** The document with each variable replaced by the literal it was given. */
function withVariablesInlined(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): DocumentNode {
  const literals = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      const type = typeFromAST(schema, variable.type as never);
      const literal =
        type && name in variables ? literalOf(variables[name], type as GraphQLInputType) : undefined;
      if (literal) literals.set(name, literal);
    }
  }
  return visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => literals.get(node.name.value) ?? node,
  });
}

/**
 * A variable's value as a literal. astFromValue takes internal values (an enum's, not its
 * name), so the value is coerced first; a scalar whose internal value has no literal form
 * (a Date) is written as given. Undefined leaves the variable in place.
 */
function literalOf(value: unknown, type: GraphQLInputType): ValueNode | undefined {
  for (const attempt of [() => coerceInputValue(value, type), () => value]) {
    try {
      const literal = astFromValue(attempt(), type);
      if (literal) return literal;
    } catch {
      // The next form, or none.
    }
  }
  return undefined;
}

/** Items in every list argument of the document, and the longest list. */
function listArguments(document: DocumentNode): { items: number; longest: number } {
  let items = 0;
  let longest = 0;
  visit(document, {
    ListValue: (node) => {
      items += node.values.length;
      longest = Math.max(longest, node.values.length);
    },
  });
  return { items, longest };
}

function refusal(message: string) {
  return {
    errors: [new GraphQLError(message, { extensions: { code: "VALIDATION", http: { status: 400 } } })],
  };
}

/**
 * Refuses, before anything runs: strings that are not valid Unicode (they could not be stored
 * as sent), list arguments longer than MAX_LIST_ARGUMENT, and operations whose cost with their
 * variables' values passes `maxCost` (the cost of the selections, with page sizes given as
 * variables, plus one per item of every list argument).
 */
export function useInputChecks(maxCost: number): Plugin {
  const check = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null };
    setResultAndStopExecution: (result: never) => void;
  }) => {
    const variables = args.variableValues ?? {};
    const lone = loneSurrogateAt(variables);
    if (lone !== undefined) {
      return setResultAndStopExecution(
        refusal(`Variable "$${lone}" is not valid Unicode text (it holds a lone surrogate)`) as never,
      );
    }
    const inlined = withVariablesInlined(args.schema, args.document, variables);
    const lists = listArguments(inlined);
    if (lists.longest > MAX_LIST_ARGUMENT) {
      return setResultAndStopExecution(
        refusal(
          `A list argument holds ${lists.longest} items; at most ${MAX_LIST_ARGUMENT} are accepted`,
        ) as never,
      );
    }
    let selections = 0;
    validate(args.schema, inlined, [
      costLimitRule({
        ...COST_WEIGHTS,
        maxCost: Number.POSITIVE_INFINITY,
        onAccept: [(_context, { n }) => (selections = n)],
      }),
    ]);
    const cost = selections + lists.items;
    if (cost > maxCost) {
      setResultAndStopExecution(
        refusal(
          `Query cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)} (variables included)`,
        ) as never,
      );
    }
  };
  return { onExecute: check as never, onSubscribe: check as never };
}
