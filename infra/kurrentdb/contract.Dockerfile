# The adapter's tests in a container of their own; built from the repository root (see compose.yaml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
CMD ["npm", "test", "--", "libs/event-store/kurrentdb"]
