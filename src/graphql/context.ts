import type { Caller } from "../auth/access.ts";
import type { RateLimitedError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface GraphQLContext {
  caller: Caller;
  /** Identifies the caller for rate limits (token identity, or the client address). */
  callerKey: string;
  services: Services;
  /** Set by the HTTP transport: the rate limit an operation ran into, for the answer's headers. */
  limitReached?: { error?: RateLimitedError };
}
