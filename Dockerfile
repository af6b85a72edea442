# syntax=docker/dockerfile:1
# Klachtregie: one image for the API (node dist/src/main.js) and the worker (node dist/src/worker.js).
# docker-compose.yml runs both against PostgreSQL and Redis; see docs/architecture.md.
# Node 24 (Active LTS; engines: >=22.12). No embedded PostgreSQL in the image: it is an optional
# dependency (--omit=optional), so the image needs DATABASE_URL.

# --- build: compile TypeScript with the dev dependencies ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=optional --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY scripts ./scripts
RUN npm run build

# --- dependencies: production only, without the optional embedded PostgreSQL (~60 MB of binaries) ---
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

# --- runtime: compiled code, production dependencies, definitions; runs as the unprivileged 'node' user ---
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json \
    DEFINITIONS_DIR=/app/definitions
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node definitions ./definitions
# The scenario suites the /beheer editor runs on every change (SCENARIOS_DIR, default beside the definitions).
COPY --chown=node:node scenarios ./scenarios
# Non-TypeScript files that modules read from the source tree at runtime (tsc copies none), e.g. src/modules/web/assets.
COPY --from=build --chown=node:node /app/src/modules/web/assets ./src/modules/web/assets
USER node
EXPOSE 3000
# Readiness (database and queue answer). The worker has no HTTP: docker-compose.yml disables this check for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself as the command (not npm), so SIGTERM reaches the app's orderly shutdown.
CMD ["node", "dist/src/main.js"]
