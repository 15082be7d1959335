import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/bootstrap.js';
import { loadPlatformConfig } from '../../libs/platform/index.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { TEST_PUBLIC_KEY_PEM, testToken } from './tokens.js';

export interface EmbeddedTestApp {
  readonly app: NestExpressApplication;
  /** The HTTP server for supertest: `request(t.server)`. */
  readonly server: ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

export interface TestApp extends EmbeddedTestApp {
  readonly db: TestDatabase;
}

/**
 * The whole service booted on a fresh PostgreSQL database, as a user meets it (no listen: supertest drives it).
 * It trusts the test process's key (see `actorHeaders`) and limits no rate unless `overrides` ask it to.
 */
export async function startTestApp(prefix = 'e2e', overrides: Parameters<typeof createApp>[0] = {}): Promise<TestApp> {
  const db = await createTestDatabase(prefix);
  const defaults = loadPlatformConfig({});
  const app = await createApp({
    config: {
      ...defaults,
      databaseUrl: db.url,
      logLevel: 'silent',
      rateLimitPerMinute: 0,
      auth: { ...defaults.auth, publicKeyPem: TEST_PUBLIC_KEY_PEM },
      ...overrides.config,
    },
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

/**
 * `Authorization: Bearer` with a token the test app accepts, naming `subject`, acting for `organisation` (none when
 * empty) with the comma-separated `roles`, and for `department` when given (department members).
 */
export function actorHeaders(subject = 'anna@herning.dk', organisation = 'herning', roles = 'programme_office', department?: string): Record<string, string> {
  const roleList = roles.split(',').map((r) => r.trim()).filter(Boolean);
  return { Authorization: `Bearer ${testToken({ subject, organisation, roles: roleList, department })}` };
}

/**
 * The whole service booted on the embedded database (PGlite) in a fresh data directory, as `startTestApp` boots it on
 * the server; `close` removes the directory (so does a boot that fails).
 */
export async function startEmbeddedTestApp(prefix: string): Promise<EmbeddedTestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  let app: NestExpressApplication | undefined;
  try {
    const defaults = loadPlatformConfig({});
    app = await createApp({ config: { ...defaults, databaseUrl: null, dataDir, logLevel: 'silent', rateLimitPerMinute: 0, auth: { ...defaults.auth, publicKeyPem: TEST_PUBLIC_KEY_PEM } } });
    await app.init();
  } catch (error) {
    await app?.close();
    await removeDataDir();
    throw error;
  }
  const booted = app;
  return {
    app: booted,
    server: booted.getHttpServer(),
    async close() {
      await booted.close();
      await removeDataDir();
    },
  };
}
