# syntax=docker/dockerfile:1
# Klachtregie: one image for the API (node dist/src/main.js) and the worker (node dist/src/worker.js).
# docker-compose.yml runs both against PostgreSQL and Redis; see docs/architecture.md.

# --- build: compile TypeScript with the dev dependencies, then keep only the runtime ones ---
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled code, production dependencies, definitions; runs as the unprivileged 'node' user ---
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DEFINITIONS_DIR=/app/definitions \
    KLACHTREGIE_DATA_DIR=/var/lib/klachtregie
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node definitions ./definitions
# Non-TypeScript files that modules read from the source tree at runtime (tsc copies none), e.g. src/modules/web/assets.
COPY --from=build --chown=node:node /app/src ./src
# Only used when DATABASE_URL is unset (a single-container trial with the embedded PostgreSQL).
RUN mkdir -p /var/lib/klachtregie && chown node:node /var/lib/klachtregie
USER node
EXPOSE 3000
# The worker has no HTTP: docker-compose.yml disables this check for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself as the command (not npm), so SIGTERM reaches the app's orderly shutdown.
CMD ["node", "dist/src/main.js"]
