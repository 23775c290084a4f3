import type { ErrorCode as ErrorCodeName } from "../errors.ts";
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotConnectedError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UpstreamError,
  ValidationError,
  type ValidationIssue,
} from "../errors.ts";
import { type BuilderTypes, builder } from "./builder.ts";

const ErrorCode = builder.enumType("ErrorCode", {
  values: [
    "NOT_FOUND",
    "VALIDATION",
    "UNAUTHORIZED",
    "FORBIDDEN",
    "RATE_LIMITED",
    "CONFLICT",
    "NOT_CONNECTED",
    "UPSTREAM_FAILED",
  ] as const satisfies readonly ErrorCodeName[],
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "Every error result: switch on __typename or code.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.field({ type: ErrorCode, resolve: (error) => error.code }),
  }),
});

type ErrorFields<T> = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>) => Record<string, unknown>;

function errorType<T extends DomainError>(
  errorClass: abstract new (...args: never[]) => T,
  name: string,
  description: string,
  fields?: ErrorFields<T>,
) {
  // Pothos keys object types by class; the cast only widens the constructor signature.
  builder.objectType(errorClass as any, {
    name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof errorClass,
    fields: (fields ?? (() => ({}))) as never,
  });
}

const ValidationIssueType = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

errorType(NotFoundError, "NotFoundError", "The referenced resource does not exist.", (t) => ({
  resource: t.exposeString("resource"),
  ref: t.exposeString("ref"),
}));
errorType(ValidationError, "ValidationError", "The input was rejected; nothing was changed.", (t) => ({
  issues: t.field({ type: [ValidationIssueType], resolve: (error) => error.issues }),
}));
errorType(UnauthorizedError, "UnauthorizedError", "No valid token came with the request.");
errorType(ForbiddenError, "ForbiddenError", "The token does not reach this resource or operation.");
errorType(RateLimitedError, "RateLimitedError", "Too many requests; retry after the given seconds.", (t) => ({
  retryAfterSeconds: t.exposeInt("retryAfterSeconds"),
}));
errorType(
  ConflictError,
  "ConflictError",
  "The request conflicts with the current state (duplicate, in progress).",
);
errorType(
  NotConnectedError,
  "NotConnectedError",
  "The operation needs a connected WhatsApp session.",
  (t) => ({
    instanceName: t.exposeString("instanceName"),
  }),
);

errorType(UpstreamError, "UpstreamError", "WhatsApp did not accept the operation; nothing was stored.");

/** Errors any instance-scoped field can return. */
export const ACCESS_ERRORS = [UnauthorizedError, ForbiddenError, NotFoundError, ValidationError];
export { ConflictError, NotConnectedError, RateLimitedError, UpstreamError };
