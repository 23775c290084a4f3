import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A REST call over real HTTP; the body is parsed as JSON when it is JSON. */
export async function rest<T = any>(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  } else if (body !== undefined) {
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** A typed GraphQL operation over HTTP POST. */
export async function gql<TResult, TVariables>(
  base: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  token?: string,
): Promise<ExecutionResult<TResult> & { status: number }> {
  const answer = await rest(base, "POST", "/graphql", {
    body: { query: print(document), variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { ...(answer.body as ExecutionResult<TResult>), status: answer.status };
}

/** A graphql-ws client on the gateway's /graphql path. */
export function wsClient(wsBase: string, token?: string): Client {
  return createClient({
    url: `${wsBase}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects subscription events into an array, with a helper to wait for a condition. */
export function collect<T>(
  client: Client,
  document: TypedDocumentNode<T, any>,
  variables: Record<string, unknown>,
) {
  const events: ExecutionResult<T>[] = [];
  let error: unknown;
  let complete = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const unsubscribe = client.subscribe<T>(
    { query: print(document), variables },
    {
      next: (value) => {
        events.push(value as ExecutionResult<T>);
        notify();
      },
      error: (failure) => {
        error = failure;
        notify();
      },
      complete: () => {
        complete = true;
        notify();
      },
    },
  );
  return {
    events,
    get error() {
      return error;
    },
    get complete() {
      return complete;
    },
    unsubscribe,
    until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `timed out after ${timeoutMs} ms; events: ${JSON.stringify(events)} error: ${String(error)}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          if (predicate()) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
      });
    },
  };
}
