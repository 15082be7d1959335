import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { createPlatformTestApp, type PlatformTestApp } from '../testing/platform-test-app.js';
import { ReadinessCheckRegistry, type ReadinessReport } from './readiness-check.js';

/** Stands in for the projection runtime: reports whatever the test sets. */
@Injectable()
class LagReporter implements OnModuleInit {
  static report: ReadinessReport | 'throw' | 'hang' = { status: 'up', details: { lag: 0 } };

  constructor(private readonly registry: ReadinessCheckRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'projections',
      check: (signal) => {
        const report = LagReporter.report;
        if (report === 'throw') throw new Error('password authentication failed for user "secret"');
        if (report === 'hang') return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ status: 'up' })));
        return report;
      },
    });
  }
}

describe('health endpoints', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let platform: PlatformTestApp;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase('platform_health');
    pool = new pg.Pool({ connectionString: db.url });
    platform = await createPlatformTestApp({ pool, providers: [LagReporter] });
  });

  afterAll(async () => {
    await platform?.close();
    await pool?.end();
    await db?.drop();
  });

  it('reports the process live', async () => {
    const res = await http().get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { process: { status: 'up' } } });
    expect(res.headers['cache-control']).toContain('no-store');
  });

  it('reports ready when the database and the registered checks are up', async () => {
    LagReporter.report = { status: 'up', details: { lag: 0 } };
    const res = await http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, projections: { status: 'up', lag: 0 } } });
  });

  it('stays ready but says so when a check is degraded', async () => {
    LagReporter.report = { status: 'degraded', details: { lag: 120 } };
    const res = await http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'degraded', details: { projections: { status: 'degraded', lag: 120 } } });
  });

  it('answers 503 problem+json when a check is down, without the failure text', async () => {
    LagReporter.report = 'throw';
    const res = await http().get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, title: 'Not ready', checks: { database: { status: 'up' }, projections: { status: 'down', message: 'check failed' } } });
    expect(res.text).not.toContain('secret');
  });

  it('treats a check that does not answer in time as down', async () => {
    LagReporter.report = 'hang';
    const res = await http().get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.checks.projections).toEqual({ status: 'down', message: 'timed out' });
  });

  it('answers 503 when the database cannot be reached', async () => {
    LagReporter.report = { status: 'up' };
    const unreachable = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const other = await createPlatformTestApp({ pool: unreachable });
    try {
      const res = await request(other.app.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.checks.database).toEqual({ status: 'down', message: 'check failed' });
      const live = await request(other.app.getHttpServer()).get('/health/live');
      expect(live.status).toBe(200);
    } finally {
      await other.close();
      await unreachable.end();
    }
  });
});
