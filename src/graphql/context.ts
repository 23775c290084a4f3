import type { Caller } from "../auth/access.ts";
import type { Services } from "../services.ts";

export interface GraphQLContext {
  caller: Caller;
  /** Identifies the caller for rate limits (token identity, or the client address). */
  callerKey: string;
  services: Services;
}
