// The documented error shape and status codes of each API family, in one place. A shim
// throws domain errors; the family's error handler answers them.
import { DomainError, NotFoundError, RateLimitedError } from "../errors.ts";

export type Family = "codechat" | "evolution" | "ryze";

/** The API family a path belongs to, for errors raised before a route is chosen. */
export function familyOfPath(path: string): Family | "graphql" | undefined {
  if (path.startsWith("/api/v2/")) return "codechat";
  if (path.startsWith("/instance/")) return "evolution";
  if (path.startsWith("/api/")) return "ryze";
  if (path === "/graphql" || path.startsWith("/graphql?")) return "graphql";
  return undefined;
}

/** GraphQL over HTTP's error shape, for requests refused before GraphQL runs. */
export function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** An error answer for any path: its family's shape, or the plain shape elsewhere. */
export function answerForPath(path: string, status: number, message: string, code: string): ErrorAnswer {
  const family = familyOfPath(path);
  if (family === "graphql") return { status, body: graphqlErrorBody(message, code) };
  if (family)
    return {
      status,
      body: errorBody(family, status, family === "ryze" ? (ryzeMessages[status] ?? message) : message),
    };
  return { status, body: { error: reasonPhrase[status] ?? "Error", message, statusCode: status } };
}

export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const reasonPhrase: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  502: "Bad Gateway",
  500: "Internal Server Error",
};

/**
 * CodeChat documents 400 and 401 for these endpoints; Evolution "400 - instance doesn't exist
 * or deletion failed" and 401: both answer every client error outside auth and limits as 400.
 */
const DOCUMENTED_400: Record<DomainError["code"], number> = {
  NOT_FOUND: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 401,
  RATE_LIMITED: 429,
  CONFLICT: 400,
  NOT_CONNECTED: 400,
  UPSTREAM_FAILED: 502,
};

/** Status of a domain error in each family. */
const statusByCode: Record<Family, Record<DomainError["code"], number>> = {
  codechat: DOCUMENTED_400,
  evolution: DOCUMENTED_400,
  ryze: { ...DOCUMENTED_400, NOT_FOUND: 404, CONFLICT: 409 },
};

/** RyzeAPI answers fixed messages per status. */
const ryzeMessages: Record<number, string> = {
  400: "Invalid request body",
  401: "Invalid token",
  429: "Rate limit exceeded. Try again later.",
  500: "Failed to get instance",
};

export function errorBody(family: Family, status: number, message: string): unknown {
  switch (family) {
    case "codechat":
      return { message: [message], error: reasonPhrase[status] ?? "Error", statusCode: status };
    case "evolution":
      return { error: true, message };
    case "ryze":
      return { success: false, error: { message } };
  }
}

function domainMessage(family: Family, error: DomainError, status: number): string {
  if (family === "ryze") {
    if (error instanceof NotFoundError && error.resource === "Instance") return "Instance not found";
    if (error.code === "NOT_FOUND") return error.message;
    return ryzeMessages[status] ?? error.message;
  }
  if (family === "evolution") {
    if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") return "Unauthorized";
    if (error instanceof NotFoundError && error.resource === "Instance")
      return `The "${error.ref}" instance does not exist`;
  }
  return error.message;
}

/** The answer for anything a shim throws: domain errors, parser errors, or the unexpected. */
export function answerError(family: Family, error: unknown): ErrorAnswer {
  if (error instanceof DomainError) {
    const status = statusByCode[family][error.code];
    const body = errorBody(family, status, domainMessage(family, error, status));
    return { status, body, headers: error instanceof RateLimitedError ? error.headers() : undefined };
  }
  const fastifyError = error as { statusCode?: number; message?: string; validation?: unknown };
  const status = fastifyError.statusCode && fastifyError.statusCode < 500 ? fastifyError.statusCode : 500;
  let message = status === 500 ? "Internal server error" : (fastifyError.message ?? "Bad request");
  if (family === "ryze" && ryzeMessages[status]) message = ryzeMessages[status];
  return { status, body: errorBody(family, status, message) };
}
