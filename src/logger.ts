import pino, { type Logger } from "pino";

export type { Logger };

/** One logger for the process; parts of the app take children of it. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "wagraph" } });
}
