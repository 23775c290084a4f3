// Prisma's schema engine compiled to wasm, driven through the driver adapters: the native
// engine cannot be downloaded here, and @prisma/migrate always starts the native one.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import { parseDatabaseUrl, redactUrl } from "./database-url.ts";
import { type EngineConnections, postgresConnections, sqliteConnections } from "./schema-engine-adapters.ts";

export type { SchemaEngine };

export interface SchemaEngineOptions {
  /** The database the engine works on: `file:<path>`, `file::memory:` or `postgresql://...`. */
  url: string;
  /** PostgreSQL server (any database on it) where a throwaway shadow database may be created. */
  shadowServerUrl?: string;
  /** Prisma schema to load; a bare datasource of the URL's provider by default. */
  schema?: { path: string; content: string };
  /** Receives the engine's warnings and progress lines. */
  log?: (line: string) => void;
}

/**
 * Starts an engine on `options.url`, runs `work` with it, then frees the engine and closes
 * every connection it opened. Errors come out with the driver's own message.
 */
export async function withSchemaEngine<T>(
  options: SchemaEngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadRuntime();
  const target = parseDatabaseUrl(options.url);
  const provider = target.provider;
  const connections: EngineConnections =
    target.provider === "sqlite"
      ? sqliteConnections(target.path)
      : postgresConnections(target.url, options.shadowServerUrl);
  const factory = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const schema = options.schema ?? {
    path: "schema.prisma",
    content: `datasource db {\n  provider = "${provider}"\n}\n`,
  };
  let engine: SchemaEngine | undefined;
  let failed = false;
  try {
    engine = await runtime.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => forwardLog(line, options.log),
      factory,
    );
    return await work(engine);
  } catch (error) {
    failed = true;
    throw explain(error, factory.errorRegistry, connections.lastDriverError());
  } finally {
    engine?.free();
    // A failure while cleaning up must not hide the error that stopped the work.
    await connections.close().catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}

let ready: Promise<void> | undefined;

function loadRuntime(): Promise<void> {
  ready ??= instantiate().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function instantiate(): Promise<void> {
  // The package's main entry imports the .wasm file as an ES module, which Node 20 cannot
  // do without a flag: compile it here and hand the instance to the JS bindings.
  const bindings = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const module = await WebAssembly.compile(await readFile(bindings.replace(/\.js$/, ".wasm")));
  const imports: Record<string, unknown> = { ...runtime };
  for (const [name, value] of Object.entries(runtime)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    // The engine arms a 10 s timer it never clears, which would hold the process open.
    const setTimer = value as (...args: unknown[]) => NodeJS.Timeout;
    imports[name] = (...args: unknown[]) => setTimer(...args).unref();
  }
  // Where the bindings report a Rust panic; other Prisma wasm modules may have set it already.
  const global = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  global.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const instance = await WebAssembly.instantiate(module, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

class PanicRegistry {
  message = "";
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = message;
  }
}

function forwardLog(line: string, log: ((line: string) => void) | undefined): void {
  if (!log) return;
  try {
    const event = JSON.parse(line) as { level?: string; fields?: { message?: unknown } };
    const message = event.fields?.message;
    if (typeof message !== "string") return;
    if (event.level === "WARN" || event.level === "ERROR" || message.startsWith("Applying ")) {
      log(message);
    }
  } catch {
    log(line.trim());
  }
}

/** Turns what the engine rejected with into an Error whose message names the real cause. */
function explain(error: unknown, registry: ErrorRegistry, lastDriverError: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error.name === "RuntimeError") {
    // A panic leaves the wasm instance unusable: start a fresh one next time.
    ready = undefined;
    const registryOf = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { get?(): string } };
    const panic = registryOf.PRISMA_WASM_PANIC_REGISTRY?.get?.();
    return new Error(`The schema engine crashed: ${panic || error.message}`, { cause: error });
  }
  // Drop the engine's span trace ("   0: schema_engine_wasm::...") that follows the message.
  let message = error.message.split(/\n\s+\d+: /)[0]?.trim() ?? error.message;
  // Errors the adapter could not map reach the engine as ids into the adapter's registry.
  let resolved = false;
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return text;
    resolved = true;
    return describeDriverError(record.error);
  });
  if (!resolved && lastDriverError !== undefined) {
    const driver = describeDriverError(lastDriverError);
    if (!message.includes(driver)) message += `\nLast driver error: ${driver}`;
  }
  // The trace names the migration being applied when a script fails.
  const migration = /migration_name="([^"]+)"/.exec(error.message)?.[1];
  if (migration && !message.includes(migration)) message = `migration ${migration}: ${message}`;
  const code = (error as { code?: unknown }).code;
  return new Error(typeof code === "string" ? `${code}: ${message}` : message, { cause: error });
}

function describeDriverError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A DriverAdapterError carries the driver's error, already mapped, as its cause.
  const cause = (error as { cause?: unknown }).cause;
  if (error.name === "DriverAdapterError" && cause && typeof cause === "object") {
    const { kind, originalMessage, message, ...rest } = cause as Record<string, unknown>;
    if (typeof originalMessage === "string") return originalMessage;
    if (typeof message === "string") return message;
    return `${String(kind)} ${JSON.stringify(rest)}`;
  }
  return redactAll(error.message);
}

function redactAll(text: string): string {
  return text.replace(/postgres(ql)?:\/\/\S+/g, (url) => redactUrl(url));
}
