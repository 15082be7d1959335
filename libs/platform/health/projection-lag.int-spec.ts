import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../../../test/support/app.js';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { ProjectionRuntime } from '../../projections/index.js';

const MAX_LAG = 5;
const headers = actorHeaders('ops@herning.dk', 'herning', 'administrator');

describe('readiness with a projection lag bound', () => {
  let t: TestApp;
  const ready = () => request(t.server).get('/health/ready').set(headers);

  beforeAll(async () => {
    t = await startTestApp('health_lag', { config: { readinessMaxProjectionLag: MAX_LAG } });
  });
  afterAll(async () => t?.close());

  it('is ready while the read models keep up with the log', async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.body.details.projectionLag).toEqual({ status: 'up', maxLagEvents: MAX_LAG });
  });

  it('leaves rotation while read models are further behind than the bound, and returns once they catch up', async () => {
    const runtime = t.app.get(ProjectionRuntime);
    await runtime.stopAll();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const metadata = { actor: { subject: 'ops@herning.dk', roles: ['administrator'] }, correlationId: randomUUID() };
    const burst = Array.from({ length: MAX_LAG + 3 }, (_, i) => ({ type: 'ReadinessProbeRecorded', data: { i }, metadata }));
    await store.append(`readiness-probe-${randomUUID()}`, burst, { expectedVersion: 'no_stream' });

    const behind = await ready();
    expect(behind.status).toBe(503);
    expect(behind.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(behind.body.checks.projectionLag.status).toBe('down');
    const lagging = behind.body.checks.projectionLag.lagging as Record<string, number>;
    expect(Object.keys(lagging).sort()).toEqual(runtime.registered().map((p) => p.name).sort());
    for (const lag of Object.values(lagging)) expect(lag).toBeGreaterThan(MAX_LAG);

    await runtime.startAll();
    const deadline = Date.now() + 20_000;
    let res = await ready();
    while (res.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      res = await ready();
    }
    expect(res.status).toBe(200);
    expect(res.body.details.projectionLag.status).toBe('up');
  });
});
