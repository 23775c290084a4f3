import pino, { type Logger } from "pino";

export type { Logger };

/** Longest piece of an error's message or stack that reaches the log. */
const MAX_LOGGED = 2000;

/** The start of a text, marked as cut when longer: client input never reaches a log line whole. */
export function excerpt(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * Errors can quote what a client sent (a 1 MB variable in a coercion message, a query in a
 * GraphQLError's source): only their type, code, message, stack and cause are logged, each bounded.
 */
function boundedError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error === undefined ? undefined : excerpt(String(error), MAX_LOGGED);
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? "Error",
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: excerpt(error.message, MAX_LOGGED),
    stack: error.stack ? excerpt(error.stack, MAX_LOGGED) : undefined,
    ...(error.cause !== undefined && depth < 2 ? { cause: boundedError(error.cause, depth + 1) } : {}),
  };
}

/** One logger for the process; parts of the app take children of it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "wagraph" },
    serializers: { err: (error: unknown) => boundedError(error) },
  });
}
