// Domain errors: values every API family can switch on. GraphQL exposes them as typed
// error results; each REST shim turns them into its own documented error shape.

export type ErrorCode =
  | "NOT_FOUND"
  | "VALIDATION"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "NOT_CONNECTED"
  | "UPSTREAM_FAILED";

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(
    readonly resource: string,
    readonly ref: string,
    message = `${resource} "${ref}" not found`,
  ) {
    super(message);
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = "VALIDATION";
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; "));
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = "UNAUTHORIZED";
  constructor(message = "A valid token is required") {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor(message = "This token does not grant access to this resource") {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";
  constructor(
    readonly retryAfterSeconds: number,
    /** Requests the spent window allows. */
    readonly limit: number,
  ) {
    super(`Rate limit exceeded, retry in ${retryAfterSeconds}s`);
  }

  /** Retry-After and the RateLimit-* fields of the IETF rate-limit headers draft. */
  headers(): Record<string, string> {
    const seconds = String(this.retryAfterSeconds);
    return {
      "retry-after": seconds,
      "ratelimit-limit": String(this.limit),
      "ratelimit-remaining": "0",
      "ratelimit-reset": seconds,
    };
  }
}

export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

export class NotConnectedError extends DomainError {
  readonly code = "NOT_CONNECTED";
  constructor(readonly instanceName: string) {
    super(`The "${instanceName}" instance is not connected`);
  }
}

/** WhatsApp did not accept an operation (a send, an upload): nothing was stored. */
export class UpstreamError extends DomainError {
  readonly code = "UPSTREAM_FAILED";
}

/** Turns zod issues into domain validation issues. */
export function issuesFromZod(
  issues: readonly { path: PropertyKey[]; message: string }[],
): ValidationIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
