import { z } from "zod";
import {
  type DatabaseProvider,
  type DatabaseTarget,
  DatabaseUrlError,
  isPostgresUrl,
  parseDatabaseUrl,
  redactUrl,
} from "./db/database-url.ts";
import { decodeSecretsKey, SECRETS_KEY_FORMAT } from "./db/secrets-key.ts";
import { parseAllowList } from "./outbound/allow-list.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** A 32-byte public key written as hex (64 digits) or base64 (44 characters). */
const publicKey = z.string().transform((text, context) => {
  const bytes = /^[0-9a-f]{64}$/i.test(text)
    ? Buffer.from(text, "hex")
    : /^[A-Za-z0-9+/]{43}=$/.test(text)
      ? Buffer.from(text, "base64")
      : undefined;
  if (bytes?.length !== 32) {
    context.addIssue({
      code: "custom",
      message: "must be a 32-byte key, as 64 hex digits or 44 base64 characters",
    });
    return z.NEVER;
  }
  return bytes;
});

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .default("file:./data/wagraph.db")
    .superRefine((url, context) => {
      const problem = databaseUrlProblem(url);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  ACCOUNT_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SECRETS_KEY: z
    .string()
    .refine((value) => decodeSecretsKey(value) !== null, `must be ${SECRETS_KEY_FORMAT}`)
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (origins) => origins.every((origin) => origin === "*" || isOrigin(origin)),
      "must be a comma-separated list of origins like https://app.example.com, or *",
    )
    .default([]),
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
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(50_000),
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
  /** The only root key trusted for the server's certificate chain (unset: WhatsApp's). */
  WA_ROOT_PUBLIC_KEY: publicKey.optional(),
  WA_BROWSER_NAME: z.string().min(1).default("wagraph"),
  WA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  WA_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How long each QR code lives (WhatsApp's own default: 60 s for the first, 20 s after). */
  WA_QR_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  WA_KEEPALIVE_MS: z.coerce.number().int().min(1000).default(30_000),
  WA_RECONNECT_BASE_MS: z.coerce.number().int().min(10).default(1000),
  WA_RECONNECT_MAX_MS: z.coerce.number().int().min(100).default(60_000),
  WA_RESTORE_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  // A cluster (PostgreSQL and REDIS_URL): this node's name, and how long its leases last.
  CLUSTER_NODE_ID: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, "letters, digits, '.', ':', '_' and '-' only")
    .optional(),
  CLUSTER_LEASE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(15_000),
  CLUSTER_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  WA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  // Outbound requests to user-given URLs (media, webhooks)
  OUTBOUND_ALLOW: z
    .string()
    .default("")
    .transform((text, context) => {
      const { list, invalid } = parseAllowList(text);
      for (const entry of invalid) {
        context.addIssue({
          code: "custom",
          message: `"${entry}" is not a CIDR range, an address or a host name`,
        });
      }
      return list;
    }),
  OUTBOUND_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  OUTBOUND_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  OUTBOUND_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  OUTBOUND_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  // Event log and webhook deliveries
  EVENT_RETENTION_DAYS: z.coerce.number().min(0.0001).default(7),
  EVENT_LOG_MAX_ROWS: z.coerce.number().int().min(1000).default(5_000_000),
  /** Delay before each attempt of a delivery, the first included: durations like 0, 5s, 5m, 2h. */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default("0,5s,5m,30m,2h,5h,10h,10h")
    .transform((text, context) => {
      const delays = text.split(",").map((part) => parseDuration(part.trim()));
      if (delays.length === 0 || delays.some((delay) => delay === undefined)) {
        context.addIssue({
          code: "custom",
          message: "must be a comma-separated list of durations like 0,5s,5m,2h",
        });
        return z.NEVER;
      }
      return delays as number[];
    }),
  /** A whole webhook request, from connecting to the end of the answer read. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Requests in flight at once to one receiver host, over all its webhooks. */
  WEBHOOK_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
  /** How long the previous secret keeps signing deliveries after a rotation. */
  WEBHOOK_SECRET_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3600_000),
  // Prometheus metrics at GET /metrics
  METRICS_ENABLED: bool.default(true),
  /** A token that reads /metrics only (Bearer), besides the account token. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** The process metrics (CPU, memory, event loop, GC) alongside the gateway's. */
  METRICS_PROCESS: bool.default(true),
});

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** "250ms", "5s", "5m", "2h", "1d" or "0" in milliseconds; undefined when unreadable. */
function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
  if (!match) return undefined;
  if (!match[2] && Number(match[1]) !== 0) return undefined;
  return Number(match[1]) * DURATION_UNITS[match[2] ?? "ms"];
}

/** An origin as browsers send it: scheme, host and port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof ConfigSchema> & {
  databaseProvider: DatabaseProvider;
  /** DATABASE_URL, read. */
  database: DatabaseTarget;
};

function databaseUrlProblem(url: string): string | undefined {
  try {
    const target = parseDatabaseUrl(url);
    if (target.provider === "sqlite" && target.path === ":memory:") {
      return "an in-memory database cannot be used: migrations and the app would each get their own";
    }
  } catch (error) {
    if (error instanceof DatabaseUrlError) return error.message;
    throw error;
  }
  return undefined;
}

const SECRET_SETTINGS = new Set(["ACCOUNT_TOKEN", "JWT_SECRET", "SECRETS_KEY", "METRICS_TOKEN"]);

/** A bad value as an error line shows it: secrets are not repeated, URLs lose their password. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return "(unset)";
  if (SECRET_SETTINGS.has(name)) return `(${value.length} characters, not shown)`;
  if (name.endsWith("_URL")) return JSON.stringify(redactUrl(value));
  return JSON.stringify(value);
}

export class ConfigError extends Error {}

/** Reads and validates every setting; one line per bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ name: String(issue.path[0]), message: issue.message }));
  if (raw.SECRETS_KEY === undefined && isPostgresUrl(raw.DATABASE_URL)) {
    problems.push({
      name: "SECRETS_KEY",
      message: `is required with PostgreSQL (every gateway node needs the same one): ${SECRETS_KEY_FORMAT}`,
    });
  }
  if (!parsed.success || problems.length > 0) {
    const lines = problems.map(({ name, message }) => `  ${name}=${shown(name, raw[name])}: ${message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const database = parseDatabaseUrl(parsed.data.DATABASE_URL);
  return { ...parsed.data, databaseProvider: database.provider, database };
}
