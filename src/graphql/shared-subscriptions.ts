import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayEvent } from "../events/types.ts";
import type { GraphQLContext } from "./context.ts";

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Results of one event (or batch of events) per operation: subscribers that run the same
 * document with the same variables under the same kind of token get the same result, so a
 * burst is executed once, not once per subscriber. Keyed weakly by the batch's first event,
 * so results go with the events.
 */
const results = new WeakMap<object, Map<string, Result>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

/** The events a subscription payload carries: one event, or a batch of them. */
function anchorOf(payload: unknown): { anchor: object; span: string } | undefined {
  if (Array.isArray(payload)) {
    const [first] = payload as GatewayEvent[];
    const last = payload[payload.length - 1] as GatewayEvent | undefined;
    return first && last && typeof first === "object"
      ? { anchor: first, span: `${payload.length}:${last.id}` }
      : undefined;
  }
  return payload && typeof payload === "object" ? { anchor: payload, span: "1" } : undefined;
}

function operationKey(args: ExecutionArgs): string | undefined {
  const caller = (args.contextValue as GraphQLContext | undefined)?.caller;
  if (!caller) return undefined;
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) {
    documentId = nextDocumentId++;
    documentIds.set(args.document, documentId);
  }
  const who = caller.kind === "account" ? "account" : `instance:${caller.instanceId}`;
  return `${documentId}|${args.operationName ?? ""}|${JSON.stringify(args.variableValues ?? {})}|${who}`;
}

function sharedExecute(args: ExecutionArgs, key: string | undefined, payload: unknown): Result {
  const found = key === undefined ? undefined : anchorOf(payload);
  if (!found || key === undefined) return execute({ ...args, rootValue: payload });
  let byOperation = results.get(found.anchor);
  if (!byOperation) {
    byOperation = new Map();
    results.set(found.anchor, byOperation);
  }
  const entry = `${found.span}|${key}`;
  let result = byOperation.get(entry);
  if (!result) {
    result = execute({ ...args, rootValue: payload });
    byOperation.set(entry, result);
  }
  return result;
}

/** The source stream's events, each executed through `map`; ending it ends the source at once. */
function mapped<T, U>(source: AsyncIterable<T>, map: (value: T) => U | Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const done = (): Promise<IteratorResult<U>> => Promise.resolve({ done: true, value: undefined });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    return: () => (iterator.return ? (iterator.return() as Promise<IteratorResult<U>>) : done()),
    throw: (error: unknown) =>
      iterator.throw ? (iterator.throw(error) as Promise<IteratorResult<U>>) : done(),
  };
}

/**
 * Executes each subscription event once per distinct operation and token kind, however many
 * subscribers run it (graphql-ws and SSE alike): a GraphiQL tab and a hundred feed consumers
 * with the same query cost one execution per event.
 */
export function useSharedSubscriptionResults(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source;
        const key = operationKey(args);
        return mapped(source as AsyncIterable<unknown>, (payload) => sharedExecute(args, key, payload));
      });
    },
  };
}
