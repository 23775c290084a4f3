import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { withoutSuggestions } from "../graphql/anonymous-callers.ts";
import { callerFromHeaders, createGraphQLServer, type ServerContext } from "../graphql/yoga.ts";
import type { Services } from "../services.ts";
import { coalesceSends } from "./coalesced-sends.ts";
import { registerConnectPage } from "./connect-page.ts";
import { createGraphiQLPage, registerGraphiQLAssets } from "./graphiql-page.ts";
import { registerShims, type ShimApp } from "./shims.ts";

export interface HttpServer {
  app: ShimApp;
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
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
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
    method: ["GET", "POST", "OPTIONS"],
    schema: { hide: true },
    handler: async (request, reply) => {
      const response = await yoga.handleNodeRequestAndResponse(request, reply, {
        headers: request.headers,
        clientAddress: request.ip,
        caller: await callerFromHeaders(services, request.headers),
      } satisfies ServerContext);
      reply.status(response.status);
      for (const [key, value] of response.headers) reply.header(key, value);
      reply.send(response.body);
      return reply;
    },
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await services.prisma.$queryRawUnsafe("SELECT 1");
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable", reason: "database unreachable" });
    }
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerConnectPage(app, services);

  await registerShims(app, services);

  // graphql-ws on the same port and path as HTTP GraphQL, through Yoga's envelope so the
  // same limits and error masking apply.
  const graphqlSockets = new WebSocketServer({ noServer: true, maxPayload: config.BODY_LIMIT_BYTES });
  useServer(
    {
      // A connection without a valid token is closed with 4403 Forbidden.
      onConnect: async (ctx) =>
        (await callerFromHeaders(services, flatHeaders(ctx.extra.request, ctx.connectionParams ?? {}))) !==
        null,
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
        const document = parse(payload.query);
        const errors = validate(schema, document);
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
  app.server.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const handler = upgradeHandlers.get(path);
    if (handler) handler(request, socket, head);
    else socket.destroy();
  });

  return {
    app,
    close: async () => {
      for (const client of graphqlSockets.clients) client.close(1001, "server shutting down");
      graphqlSockets.close();
      await app.close();
    },
  };
}
