import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/bootstrap.js';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly db: TestDatabase;
  /** The HTTP server for supertest: `request(t.server)`. */
  readonly server: ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

/** The whole service booted on a fresh PostgreSQL database, as a user meets it (no listen: supertest drives it). */
export async function startTestApp(prefix = 'e2e', overrides: Parameters<typeof createApp>[0] = {}): Promise<TestApp> {
  const db = await createTestDatabase(prefix);
  const app = await createApp({
    config: { ...loadPlatformConfig({}), databaseUrl: db.url, logLevel: 'silent', ...overrides.config },
  });
  await app.init();
  return {
    app,
    db,
    server: app.getHttpServer(),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Development identity headers (the access-control issue replaces them with a bearer token). */
export function actorHeaders(subject = 'anna@herning.dk', organisation = 'herning', roles = 'programme_office'): Record<string, string> {
  return { 'X-Actor-Subject': subject, 'X-Actor-Roles': roles, 'X-Actor-Organisation': organisation };
}
