# The API and loader image: builds the TypeScript once, runs `node dist/services/cli/main.js`.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY services ./services
COPY graph-loaders ./graph-loaders
COPY schema ./schema
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/services/explorer ./services/explorer
COPY --from=build /app/graph-loaders/sample-corpus ./graph-loaders/sample-corpus
EXPOSE 4000
USER node
ENTRYPOINT ["node", "dist/services/cli/main.js"]
CMD ["serve"]
