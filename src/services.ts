import type { TokenService } from "./auth/tokens.ts";
import type { Config } from "./config.ts";
import type { Database, PrismaClient } from "./db/client.ts";
import { InstanceService } from "./domain/instance/service.ts";
import { SocketService } from "./domain/socket/service.ts";
import { WebhookService } from "./domain/webhook/service.ts";
import type { EventBus } from "./events/bus.ts";
import type { RateLimiters } from "./limits/rate-limits.ts";
import type { Logger } from "./logger.ts";

/** Everything a request handler may call: GraphQL resolvers and REST shims alike. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  prisma: PrismaClient;
  bus: EventBus;
  tokens: TokenService;
  limits: RateLimiters;
  instances: InstanceService;
  webhooks: WebhookService;
  sockets: SocketService;
}

export function createServices(parts: {
  config: Config;
  logger: Logger;
  db: Database;
  bus: EventBus;
  tokens: TokenService;
  limits: RateLimiters;
}): Services {
  const prisma = parts.db.prisma;
  const instances = new InstanceService(prisma, parts.tokens, parts.bus);
  return {
    ...parts,
    prisma,
    instances,
    webhooks: new WebhookService(prisma, instances),
    sockets: new SocketService(prisma, instances),
  };
}
