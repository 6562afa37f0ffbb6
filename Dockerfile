# One image for every PartnerGraph service; the command picks the service
# (see docker-compose.yml). Sources run with tsx, as under `npm start`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json supergraph.graphql ./
COPY shared ./shared
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
USER node
CMD ["npm", "run", "start:gateway"]
