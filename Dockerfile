# One image for the api and the web app; docker-compose.yml picks the command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000 4000
CMD ["node", "api/dist/main.js"]
