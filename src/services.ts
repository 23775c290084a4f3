import { TokenRevocations } from "./auth/revocations.ts";
import type { TokenService } from "./auth/tokens.ts";
import type { ClusterCoordinator } from "./cluster/coordinator.ts";
import type { Config } from "./config.ts";
import type { Database, PrismaClient } from "./db/client.ts";
import type { SecretBox } from "./db/secret-box.ts";
import { WebhookDeliveries } from "./delivery/webhooks/deliveries.ts";
import { InstanceService } from "./domain/instance/service.ts";
import { MessageService } from "./domain/message/service.ts";
import { SocketConfigs } from "./domain/socket/live-configs.ts";
import { SocketService } from "./domain/socket/service.ts";
import { WebhookDeliveryService } from "./domain/webhook/delivery-service.ts";
import { WebhookService } from "./domain/webhook/service.ts";
import type { EventBus } from "./events/bus.ts";
import { EventLog } from "./events/log.ts";
import { EventRetention } from "./events/retention.ts";
import type { RateLimiters } from "./limits/rate-limits.ts";
import type { Logger } from "./logger.ts";
import type { GatewayMetrics } from "./metrics/gateway-metrics.ts";
import { createOutboundClient, type OutboundClient } from "./outbound/client.ts";
import { Engine } from "./whatsapp/engine.ts";

/** Everything a request handler may call: GraphQL resolvers and REST shims alike. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  prisma: PrismaClient;
  bus: EventBus;
  /** Where every event enters: committed with its rows, numbered per instance. */
  log: EventLog;
  tokens: TokenService;
  revocations: TokenRevocations;
  /** Seals the secrets kept in the database. */
  secrets: SecretBox;
  limits: RateLimiters;
  /** Prometheus metrics: what the parts record, and what /metrics serves. */
  metrics: GatewayMetrics;
  outbound: OutboundClient;
  engine: Engine;
  instances: InstanceService;
  webhooks: WebhookService;
  /** Delivers the event log to webhooks. */
  deliveries: WebhookDeliveries;
  /** Pause, resume, replay, redeliver and ping, for webhook owners. */
  webhookDeliveries: WebhookDeliveryService;
  /** Prunes the event log. */
  retention: EventRetention;
  messages: MessageService;
  sockets: SocketService;
  /** The socket configurations of instances with /ws clients, kept current by `sockets`. */
  socketConfigs: SocketConfigs;
  /** Set when the process is a node of a cluster (PostgreSQL and Redis). */
  cluster?: ClusterCoordinator;
}

export function createServices(parts: {
  config: Config;
  logger: Logger;
  db: Database;
  bus: EventBus;
  tokens: TokenService;
  secrets: SecretBox;
  limits: RateLimiters;
  metrics: GatewayMetrics;
}): Services {
  const prisma = parts.db.prisma;
  const log = new EventLog(parts.db, parts.bus, parts.metrics);
  const engine = new Engine(parts.config, parts.db, parts.bus, log, parts.logger, parts.metrics);
  const revocations = new TokenRevocations();
  revocations.onRevoke((instanceId) => parts.bus.endStreamsOfInstanceToken(instanceId));
  const instances = new InstanceService(prisma, parts.tokens, revocations, log, engine);
  const outbound = createOutboundClient(parts.config, parts.logger);
  const webhooks = new WebhookService(
    prisma,
    instances,
    outbound.policy,
    parts.secrets,
    log,
    parts.config.WEBHOOK_SECRET_GRACE_MS,
  );
  const deliveries = new WebhookDeliveries({ ...parts, prisma, outbound, webhooks, log });
  // A failed restart is logged by the deliveries; the change itself is stored.
  webhooks.onChange((webhookId) => deliveries.changed(webhookId).catch(() => undefined));
  instances.onDelete((instanceId) => deliveries.retire(instanceId));
  const socketConfigs = new SocketConfigs(prisma);
  parts.metrics.watch({
    sessionStatuses: () => engine.statuses(),
    subscriptionStreams: () => parts.bus.streamCount(),
    eventLogRows: () => prisma.event.count(),
    webhookBacklogs: () => deliveries.backlogs(),
  });
  return {
    ...parts,
    prisma,
    log,
    revocations,
    outbound,
    engine,
    instances,
    webhooks,
    deliveries,
    webhookDeliveries: new WebhookDeliveryService(prisma, webhooks, deliveries),
    retention: new EventRetention(prisma, parts.config, parts.logger),
    messages: new MessageService(prisma, instances, engine, parts.config, outbound),
    sockets: new SocketService(prisma, instances, socketConfigs),
    socketConfigs,
  };
}
