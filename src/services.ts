import type { TokenService } from "./auth/tokens.ts";
import type { Config } from "./config.ts";
import type { Database, PrismaClient } from "./db/client.ts";
import type { SecretBox } from "./db/secret-box.ts";
import { InstanceService } from "./domain/instance/service.ts";
import { MessageService } from "./domain/message/service.ts";
import { SocketService } from "./domain/socket/service.ts";
import { WebhookService } from "./domain/webhook/service.ts";
import type { EventBus } from "./events/bus.ts";
import type { RateLimiters } from "./limits/rate-limits.ts";
import type { Logger } from "./logger.ts";
import { Engine } from "./whatsapp/engine.ts";

/** Everything a request handler may call: GraphQL resolvers and REST shims alike. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  prisma: PrismaClient;
  bus: EventBus;
  tokens: TokenService;
  /** Seals the secrets kept in the database. */
  secrets: SecretBox;
  limits: RateLimiters;
  engine: Engine;
  instances: InstanceService;
  webhooks: WebhookService;
  messages: MessageService;
  sockets: SocketService;
}

export function createServices(parts: {
  config: Config;
  logger: Logger;
  db: Database;
  bus: EventBus;
  tokens: TokenService;
  secrets: SecretBox;
  limits: RateLimiters;
}): Services {
  const prisma = parts.db.prisma;
  const engine = new Engine(parts.config, parts.db, parts.bus, parts.logger);
  const instances = new InstanceService(prisma, parts.tokens, parts.bus, engine);
  return {
    ...parts,
    prisma,
    engine,
    instances,
    webhooks: new WebhookService(prisma, instances, parts.secrets),
    messages: new MessageService(prisma, instances, engine, parts.config),
    sockets: new SocketService(prisma, instances),
  };
}
