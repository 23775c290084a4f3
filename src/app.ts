import { Redis } from "ioredis";
import { TokenService } from "./auth/tokens.ts";
import { ClusterCoordinator, defaultNodeId } from "./cluster/coordinator.ts";
import { EventRelay } from "./cluster/event-relay.ts";
import { ClusterLink } from "./cluster/link.ts";
import { NodeRequests } from "./cluster/node-requests.ts";
import type { Config } from "./config.ts";
import { createDatabase, type Database } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { loadSecretBox } from "./db/secrets-key.ts";
import { EventBus } from "./events/bus.ts";
import { buildGraphQLSchema } from "./graphql/schema.ts";
import { createHttpServer, type HttpServer } from "./http/server.ts";
import { RateLimiters } from "./limits/rate-limits.ts";
import { createLogger, type Logger } from "./logger.ts";
import { GatewayMetrics } from "./metrics/gateway-metrics.ts";
import { createServices, type Services } from "./services.ts";

export interface App {
  services: Services;
  http: HttpServer;
  /** Set with PostgreSQL and Redis. */
  cluster?: ClusterCoordinator;
  /** Set only on the first start without a configured account token. */
  generatedAccountToken?: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Composition root: database, bus, services, GraphQL and HTTP, in that order. */
export async function createApp(
  config: Config,
  logger: Logger = createLogger(config.LOG_LEVEL),
): Promise<App> {
  const { database } = config;
  if (database.provider === "sqlite" && database.ignoredParameters.length > 0) {
    logger.warn(
      { parameters: database.ignoredParameters },
      "DATABASE_URL parameters are ignored with SQLite",
    );
  }
  const warn = (line: string) => logger.warn(line);
  const applied = await migrateDatabase({
    url: config.DATABASE_URL,
    log: (line) => logger.debug(line),
    warn,
  });
  if (applied.applied.length > 0) logger.info({ migrations: applied.applied }, "database migrated");
  const db = await createDatabase(config.DATABASE_URL, { warn });
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const { services, http, generatedAccountToken } = await createParts(config, logger, db, redis).catch(
    async (error: unknown) => {
      // A refused start (a wrong secrets key, say) leaves no connection behind.
      redis?.disconnect();
      await db.close();
      throw error;
    },
  );

  // PostgreSQL and Redis: sessions run under leases, placed among the live nodes.
  const node =
    config.databaseProvider === "postgresql" && redis
      ? await joinCluster(config, logger, db, redis, services)
      : undefined;
  const cluster = node?.coordinator;
  services.cluster = cluster;

  return {
    services,
    http,
    generatedAccountToken,
    cluster,
    async listen() {
      const address = await http.app.listen({ port: config.PORT, host: config.HOST });
      await node?.link.open();
      node?.relay.start();
      await services.deliveries.start();
      services.retention.start();
      await cluster?.start();
      // Saved sessions reopen in the background; the API answers meanwhile.
      void services.engine
        .restore()
        .catch((error) => logger.error({ err: error }, "restoring sessions failed"));
      return address;
    },
    async close() {
      await cluster?.drain();
      await services.engine.stopAll();
      node?.relay.stop();
      await node?.link.close();
      await node?.leaseDb.close();
      services.retention.stop();
      await services.deliveries.close();
      await http.close();
      await services.outbound.close();
      redis?.disconnect();
      await db.close();
    },
  };
}

/** The parts that make this process one node of a cluster. */
async function joinCluster(config: Config, logger: Logger, db: Database, redis: Redis, services: Services) {
  const nodeId = config.CLUSTER_NODE_ID ?? defaultNodeId();
  const clusterLogger = logger.child({ part: "cluster" });
  // The database names the cluster: two clusters sharing one Redis do not hear each other.
  const [{ name }] = await db.prisma.$queryRawUnsafe<{ name: string }[]>("SELECT current_database() AS name");
  const link = new ClusterLink(redis, nodeId, clusterLogger, `wagraph:${name}:`);
  const leaseDb = await createDatabase(config.DATABASE_URL, { poolSize: 2 });
  const relay = new EventRelay(link, services.bus, db.prisma, clusterLogger);
  const coordinator = new ClusterCoordinator(
    {
      nodeId,
      leaseTtlMs: config.CLUSTER_LEASE_TTL_MS,
      handoversPerRound: 10,
      openConcurrency: config.WA_RESTORE_CONCURRENCY,
    },
    db,
    leaseDb,
    services.engine,
    services.log,
    services.deliveries,
    clusterLogger,
  );
  coordinator.useRelay(relay);
  coordinator.useRequests(
    new NodeRequests(
      link,
      services,
      (instanceId) => coordinator.runsElsewhere(instanceId),
      config.CLUSTER_CALL_TIMEOUT_MS,
      clusterLogger,
    ),
  );
  return { link, relay, coordinator, leaseDb };
}

/** Secrets, tokens, services and HTTP on an open, migrated database. */
async function createParts(config: Config, logger: Logger, db: Database, redis: Redis | undefined) {
  const { box, createdKeyFile, warning } = loadSecretBox({
    configured: config.SECRETS_KEY,
    database: config.database,
  });
  if (warning) logger.warn(warning);
  if (createdKeyFile) {
    logger.info({ file: createdKeyFile }, "created the secrets key file: back it up with the database");
  }
  const { tokens, generatedAccountToken } = await TokenService.init(
    db.prisma,
    { accountToken: config.ACCOUNT_TOKEN, jwtSecret: config.JWT_SECRET },
    box,
  );
  // Process metrics (CPU, memory, event loop) only when something can read them.
  const metrics = new GatewayMetrics({ processMetrics: config.METRICS_ENABLED && config.METRICS_PROCESS });
  const bus = new EventBus(metrics);
  const limits = new RateLimiters(redis);
  const services = createServices({ config, logger, db, bus, tokens, secrets: box, limits, metrics });
  const sealed = await services.webhooks.sealStoredSecrets();
  if (sealed > 0) logger.info({ webhooks: sealed }, "webhook secrets stored in plain text are now encrypted");
  const http = await createHttpServer(services, buildGraphQLSchema(limits));
  return { services, http, generatedAccountToken };
}
