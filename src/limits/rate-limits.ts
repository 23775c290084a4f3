import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { RateLimitedError } from "../errors.ts";

export interface Window {
  limit: number;
  duration: number;
}

/**
 * Every limited operation, named by its GraphQL field: the field's directives and the
 * REST shims read the same windows and count in the same limiters, so switching API
 * family does not reset a caller's budget.
 */
export const RATE_LIMITS = {
  // RyzeAPI documents 20 creations a minute for its own endpoint only.
  "Ryze.createInstance": [{ limit: 20, duration: 60 }],
  "Mutation.deleteInstance": [
    { limit: 10, duration: 60 },
    { limit: 100, duration: 3600 },
  ],
  "Mutation.setSocket": [{ limit: 100, duration: 60 }],
  "Mutation.deleteSocket": [{ limit: 100, duration: 60 }],
} as const satisfies Record<string, readonly Window[]>;

export type LimitedOperation = keyof typeof RATE_LIMITS;

/** One limiter per window size, memory by default and Redis when configured. */
export class RateLimiters {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis?: Redis) {}

  limiter(window: Window): RateLimiterAbstract {
    const name = `${window.limit}/${window.duration}s`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `wagraph:rl:${name}`, points: window.limit, duration: window.duration };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis })
        : new RateLimiterMemory(options);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Resolves when the shared store answers (Redis, when configured). */
  async ping(): Promise<void> {
    await this.redis?.ping();
  }

  /** Consumes one point in every window of an operation, throwing RateLimitedError when spent. */
  async consume(operation: LimitedOperation, caller: string): Promise<void> {
    for (const window of RATE_LIMITS[operation]) {
      const outcome = await this.consumeWindow(window, `${operation}:${caller}`);
      if (outcome) throw outcome;
    }
  }

  /** Null when allowed, the error when the window is spent. */
  async consumeWindow(window: Window, key: string): Promise<RateLimitedError | null> {
    try {
      await this.limiter(window).consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        return new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), window.limit);
      }
      throw error;
    }
  }
}
