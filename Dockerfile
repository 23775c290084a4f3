# syntax=docker/dockerfile:1
# Build stage: install dependencies (better-sqlite3 builds natively) and generate the Prisma clients.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY prisma.config.ts tsconfig.json ./
# postinstall generates the Prisma clients (with the dev-only CLI) before the prune.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
COPY src ./src
COPY schema ./schema

# Runtime stage: non-root, data on a volume, health checked over HTTP.
# Node 22 with frame-based async context: Baileys keeps one AsyncLocalStorage per socket, and
# without it their cost grows with the number of sockets (docs/benchmarks.md). Not Node 24:
# from 24.19 on, better-sqlite3 12 (what Prisma's SQLite adapter uses) aborts the process when
# the garbage collector finalizes a statement.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    NODE_OPTIONS=--experimental-async-context-frame \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATABASE_URL=file:/data/wagraph.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
