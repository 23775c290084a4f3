# syntax=docker/dockerfile:1
# Build stage: install dependencies (better-sqlite3 builds natively), generate the Prisma
# clients, compile to dist/, then drop the development dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
# postinstall generates the Prisma clients into src/generated with the dev-only CLI.
RUN npm ci --no-audit --no-fund
COPY src ./src
# The build type-checks with the dev-only compiler, so the prune comes after it.
RUN npm run build && rm dist/.tsbuildinfo && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: compiled JavaScript on plain Node (no TypeScript loader, no source maps),
# non-root, data on a volume, health checked over HTTP. The application files stay owned
# by root: the gateway only writes to /data.
# Node 22 with frame-based async context: Baileys keeps one AsyncLocalStorage per socket, and
# without it their cost grows with the number of sockets (docs/benchmarks.md). Node 24 has it
# by default but needs 24.22 or later with SQLite (README, runtime notes).
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    NODE_OPTIONS=--experimental-async-context-frame \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATABASE_URL=file:/data/wagraph.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# The migrations, found relative to dist/db/migrate.js and applied at start.
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
