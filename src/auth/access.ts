import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type { Principal } from "./tokens.ts";

/** The caller of one request: who it is, or that no valid token came with it. */
export type Caller = Principal | null;

export function requireCaller(caller: Caller): Principal {
  if (!caller) throw new UnauthorizedError();
  return caller;
}

export function requireAccount(caller: Caller): void {
  if (requireCaller(caller).kind !== "account") {
    throw new ForbiddenError("This operation needs the account token");
  }
}

export function canAccessInstance(caller: Caller, instanceId: string): boolean {
  return caller?.kind === "account" || (caller?.kind === "instance" && caller.instanceId === instanceId);
}

export function requireInstanceAccess(caller: Caller, instanceId: string): void {
  if (!canAccessInstance(requireCaller(caller), instanceId)) throw new ForbiddenError();
}

/** A stable key for per-caller rate limits. */
export function callerKey(caller: Caller, fallback: string): string {
  if (!caller) return `anonymous:${fallback}`;
  return caller.kind === "account" ? "account" : `instance:${caller.instanceId}`;
}
