# One build for both services: the API bundle and the static web app.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM build AS api
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["pnpm", "start:api"]

FROM build AS web
ENV WEB_PORT=5173
EXPOSE 5173
CMD ["node", "scripts/serve-web.mjs"]
