import type { Logger } from "./logger.ts";

/** The console methods that print; each is taken over. */
const PRINTING = ["log", "info", "debug", "warn", "error", "trace", "dir", "dirxml", "table"] as const;

/**
 * Takes over the process's console: stdout carries the structured log and nothing else.
 * Libraries print with `console` (libsignal, inside Baileys, prints whole Signal session
 * records with their private keys whenever a session is replaced). Each such call becomes a
 * debug line of the log with only its text: strings, numbers, and the message of an error;
 * the objects passed along (where key bytes live) are left out and counted.
 *
 * The gateway's own words to the person who started it (the generated account token,
 * configuration errors) are written to the streams directly, not with `console`.
 */
export function routeConsoleToLog(logger: Logger): void {
  const log = logger.child({ part: "console" });
  for (const method of PRINTING) {
    console[method] = (...args: unknown[]) => {
      if (!log.isLevelEnabled("debug")) return;
      const text: string[] = [];
      let omitted = 0;
      for (const arg of args) {
        if (typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean")
          text.push(String(arg));
        else if (arg instanceof Error) text.push(arg.message);
        else omitted += 1;
      }
      log.debug({ method, ...(omitted > 0 ? { omitted } : {}) }, text.join(" "));
    };
  }
}
