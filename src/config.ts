import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("file:./data/wagraph.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  ACCOUNT_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  GRAPHIQL: bool.default(true),
  /** Who may run introspection: token holders, anyone (introspection-only operations), or nobody. */
  GRAPHQL_INTROSPECTION: z.enum(["authenticated", "public", "off"]).default("authenticated"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // WhatsApp engine
  WA_WS_URL: z
    .string()
    .regex(/^wss?:\/\//, "must start with ws:// or wss://")
    .optional(),
  WA_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, "must look like 2.3000.1023223821")
    .optional(),
  WA_FETCH_LATEST_VERSION: bool.default(false),
  WA_BROWSER_NAME: z.string().min(1).default("wagraph"),
  WA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  WA_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How long each QR code lives (WhatsApp's own default: 60 s for the first, 20 s after). */
  WA_QR_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  WA_KEEPALIVE_MS: z.coerce.number().int().min(1000).default(30_000),
  WA_RECONNECT_BASE_MS: z.coerce.number().int().min(10).default(1000),
  WA_RECONNECT_MAX_MS: z.coerce.number().int().min(100).default(60_000),
  WA_RESTORE_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  WA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
});

export type Config = z.infer<typeof ConfigSchema> & {
  databaseProvider: "sqlite" | "postgresql";
};

export class ConfigError extends Error {}

/** Reads and validates every setting; one line per bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}=${JSON.stringify(raw[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const databaseProvider = parsed.data.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  return { ...parsed.data, databaseProvider };
}
