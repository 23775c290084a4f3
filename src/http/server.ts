import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import fastifyCors from "@fastify/cors";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { type DocumentNode, GraphQLError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { Caller } from "../auth/access.ts";
import { openedWithInstanceToken } from "../auth/revocations.ts";
import { WsHub } from "../delivery/ws-hub.ts";
import { hubUpgrade, isHubPath } from "../delivery/ws-upgrade.ts";
import type { RateLimitedError } from "../errors.ts";
import { withoutSuggestions } from "../graphql/anonymous-callers.ts";
import { callerFromHeaders, createGraphQLServer, type ServerContext } from "../graphql/yoga.ts";
import { registerMetricsRoute } from "../metrics/route.ts";
import type { Services } from "../services.ts";
import { coalesceSends } from "./coalesced-sends.ts";
import { registerConnectPage } from "./connect-page.ts";
import { answerForPath, graphqlErrorBody } from "./families.ts";
import { createGraphiQLPage, registerGraphiQLAssets } from "./graphiql-page.ts";
import { registerShims, type ShimApp } from "./shims.ts";

export interface HttpServer {
  app: ShimApp;
  /** The graphql-ws connections open now. */
  webSocketClients(): ReadonlySet<WebSocket>;
  /** The RyzeAPI event streams at /ws/:instance and /ws. */
  hub: WsHub;
  /** Closes WebSocket clients and the HTTP server. */
  close(): Promise<void>;
}

function flatHeaders(request: IncomingMessage, extra: Record<string, unknown> = {}) {
  const headers: Record<string, string | string[] | undefined> = { ...request.headers };
  for (const [key, value] of Object.entries(extra)) {
    if (typeof value === "string") headers[key.toLowerCase()] = value;
  }
  return headers;
}

export async function createHttpServer(services: Services, schema: GraphQLSchema): Promise<HttpServer> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.logger.child({ part: "http" }) as FastifyBaseLogger,
    // Per-request lines would drown the log of a busy gateway; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: false,
    // Long names must reach the services, which answer in the family's error shape.
    routerOptions: { maxParamLength: 2048 },
    // A path that cannot be decoded or is too long never reaches a route: answered here, in the
    // shape of the family the path belongs to.
    frameworkErrors: (error, request, reply) => {
      const path = (request.url ?? "/").split("?")[0];
      const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      const answer = answerForPath(
        path,
        tooLong ? 414 : 400,
        tooLong ? "A path parameter is too long" : "The path is not a valid URL (bad percent-encoding)",
        "VALIDATION",
      );
      void reply.status(answer.status as never).send(answer.body as never);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // No cross-origin access unless origins are listed. Tokens travel in headers, never in
  // cookies, so credentials are not allowed.
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.includes("*")
      ? "*"
      : config.CORS_ORIGINS.length
        ? config.CORS_ORIGINS
        : false,
    credentials: false,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["authorization", "apikey", "token", "content-type", "x-graphql-yoga-csrf"],
    maxAge: 600,
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "wagraph REST shims",
        version: "1",
        description:
          "Endpoints of CodeChat v2, Evolution API v2 and RyzeAPI, served over the same services as the GraphQL API at /graphql.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          apikey: { type: "apiKey", in: "header", name: "apikey" },
          token: { type: "apiKey", in: "header", name: "token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const graphiql = config.GRAPHIQL ? createGraphiQLPage() : undefined;
  const yoga = createGraphQLServer(schema, services, graphiql);
  if (graphiql) registerGraphiQLAssets(app, graphiql);
  app.route({
    url: "/graphql",
    method: ["GET", "POST"],
    schema: { hide: true },
    // The body is parsed before GraphQL runs: its errors (bad JSON, too large) answered as GraphQL's.
    errorHandler: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      const message = status === 500 ? "Internal server error" : error.message;
      if (status === 500) services.logger.error({ err: error }, "GraphQL request failed");
      void reply
        .status(status)
        .send(graphqlErrorBody(message, status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST"));
    },
    handler: async (request, reply) => {
      const limitReached: { error?: RateLimitedError } = {};
      const response = await yoga.handleNodeRequestAndResponse(request, reply, {
        headers: request.headers,
        clientAddress: request.ip,
        limitReached,
        caller: await callerFromHeaders(services, request.headers),
      } satisfies ServerContext);
      reply.status(response.status);
      for (const [key, value] of response.headers) reply.header(key, value);
      if (limitReached.error) reply.headers(limitReached.error.headers());
      reply.send(response.body);
      return reply;
    },
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  // In a cluster it names the node that answered, and is not ready while the node drains or
  // cannot keep its leases.
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    const node = services.cluster ? { node: services.cluster.nodeId } : {};
    try {
      await services.prisma.$queryRawUnsafe("SELECT 1");
    } catch {
      return reply.status(503).send({ status: "unavailable", reason: "database unreachable", ...node });
    }
    const reason = await services.cluster?.unready(() => services.limits.ping());
    if (reason) return reply.status(503).send({ status: "unavailable", reason, ...node });
    return { status: "ready", ...node };
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerConnectPage(app, services);
  if (config.METRICS_ENABLED) registerMetricsRoute(app, services);

  await registerShims(app, services);

  // graphql-ws on the same port and path as HTTP GraphQL, through Yoga's envelope so the
  // same limits and error masking apply.
  const graphqlSockets = new WebSocketServer({ noServer: true, maxPayload: config.BODY_LIMIT_BYTES });
  // Who opened each connection: rotating an instance's token closes the connections it opened.
  const openedBy = new Map<WebSocket, Caller>();
  services.revocations.onRevoke((instanceId) => {
    for (const [socket, caller] of openedBy) {
      if (openedWithInstanceToken(caller, instanceId)) socket.close(4403, "Token revoked");
    }
  });
  useServer(
    {
      // A connection without a valid token is closed with 4403 Forbidden.
      onConnect: async (ctx) => {
        const headers = flatHeaders(ctx.extra.request, ctx.connectionParams ?? {});
        const caller = await callerFromHeaders(services, headers);
        if (!caller) return false;
        openedBy.set(ctx.extra.socket, caller);
        ctx.extra.socket.once("close", () => openedBy.delete(ctx.extra.socket));
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const request = ctx.extra.request;
        const headers = flatHeaders(request, ctx.connectionParams ?? {});
        const serverContext: ServerContext = {
          headers,
          clientAddress: request.socket.remoteAddress ?? "unknown",
          // Resolved again per operation: the token may have been revoked since the connection opened.
          caller: await callerFromHeaders(services, headers),
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...serverContext,
          params: payload,
        } as never);
        // A bad operation is answered with an error message; the connection and its other
        // subscriptions stay.
        let document: DocumentNode;
        let errors: readonly GraphQLError[];
        try {
          document = parse(payload.query);
          errors = validate(schema, document);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return [error];
        }
        // A connection whose token was revoked since it opened is as anonymous as any other.
        if (errors.length > 0) return serverContext.caller ? errors : withoutSuggestions(errors);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      execute: (args) => (args.rootValue as { execute: typeof import("graphql").execute }).execute(args),
      subscribe: (args) =>
        (args.rootValue as { subscribe: typeof import("graphql").subscribe }).subscribe(args),
    },
    graphqlSockets,
  );

  const upgradeHandlers = new Map<string, (request: IncomingMessage, socket: Duplex, head: Buffer) => void>();
  upgradeHandlers.set("/graphql", (request, socket, head) =>
    graphqlSockets.handleUpgrade(request, socket, head, (ws) => {
      coalesceSends(ws);
      graphqlSockets.emit("connection", ws, request);
    }),
  );
  // RyzeAPI's event streams: refused with an HTTP answer before they become WebSockets.
  const hub = new WsHub({
    bus: services.bus,
    configs: services.socketConfigs,
    revocations: services.revocations,
    metrics: services.metrics,
    publicUrl: config.PUBLIC_URL,
    mediaMaxBytes: config.MEDIA_MAX_BYTES,
  });
  services.metrics.watch({
    wsClients: () => hub.clientCount(),
    graphqlSockets: () => graphqlSockets.clients.size,
  });
  const toHub = hubUpgrade(services, hub);
  app.server.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const handler = upgradeHandlers.get(path) ?? (isHubPath(path) ? toHub : undefined);
    if (handler) void handler(request, socket, head);
    else socket.destroy();
  });

  return {
    app,
    webSocketClients: () => graphqlSockets.clients,
    hub,
    close: async () => {
      for (const client of graphqlSockets.clients) client.close(1001, "server shutting down");
      graphqlSockets.close();
      hub.close();
      await app.close();
    },
  };
}
