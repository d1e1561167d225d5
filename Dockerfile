# Three stages. `build` compiles everything once; the images carry only what their service needs:
# `api` the API bundle with its production dependencies (pnpm deploy), `web` the official nginx image with the
# built web app and deploy/nginx.conf. No vite preview in production.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
# --legacy: pnpm 10's deploy otherwise wants inject-workspace-packages; the bundle inlines the workspace's
# contracts (tsup noExternal), so only registry packages are needed at run time.
RUN pnpm install --frozen-lockfile && pnpm build \
  && pnpm --filter @holdfast/api deploy --prod --legacy /out/api

FROM node:20-bookworm-slim AS api
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /out/api ./
USER node
EXPOSE 3000
# node directly, not through pnpm: docker stop's SIGTERM reaches the API, which drains before it exits.
CMD ["node", "dist/main.js"]

FROM nginx:1.28-bookworm AS web
# The image's entrypoint fills the template's ${...} with envsubst into conf.d/default.conf (replacing the stock one).
COPY deploy/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
ENV LISTEN_PORT=80 WEB_ROOT=/usr/share/nginx/html API_URL=/api API_SERVERS="server api:3000;"
EXPOSE 80
