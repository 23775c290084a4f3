import { inspect } from "node:util";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { routeConsoleToLog } from "./console-output.ts";
import { SecretsKeyError } from "./db/secret-box.ts";
import { createLogger } from "./logger.ts";
import { nodeVersionWarnings } from "./node-version.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  for (const warning of nodeVersionWarnings(config.databaseProvider)) {
    logger.warn({ node: process.version }, warning);
  }
  routeConsoleToLog(logger);
  const app = await createApp(config, logger).catch((error: unknown) => {
    if (!(error instanceof SecretsKeyError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  });
  const address = await app.listen();
  const base = config.PUBLIC_URL ?? address.replace("[::1]", "localhost");
  logger.info(
    { graphql: `${base}/graphql`, openapi: `${base}/openapi.json`, database: config.databaseProvider },
    "wagraph listening",
  );
  if (app.generatedAccountToken) {
    // Printed once: only its hash is kept. (The console belongs to the log.)
    process.stdout.write(
      `\n  wagraph is running\n  GraphQL (GraphiQL): ${base}/graphql\n  OpenAPI:            ${base}/openapi.json\n` +
        `  Account token (shown once, keep it): ${app.generatedAccountToken}\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error("shutdown timed out");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`${inspect(error)}\n`);
  process.exit(1);
});
