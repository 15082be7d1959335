import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../../../test/support/app.js';
import { draft, SUBMITTABLE } from '../../../test/support/proposals.js';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore, type NewEvent } from '../../event-store/index.js';
import { ProjectionRuntime } from '../../projections/index.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** The value of one series in the Prometheus text format, or undefined when it is not exposed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let t: TestApp;
  let text: string;
  const event = (eventId: string): NewEvent => ({
    eventId,
    type: 'MetricsProbeRecorded',
    data: {},
    metadata: { actor: { subject: 'ops@herning.dk', roles: ['administrator'] }, correlationId: randomUUID() },
  });

  beforeAll(async () => {
    t = await startTestApp('metrics');
    const created = await draft(t, { ...SUBMITTABLE, title: 'Metrics probe', departmentId: 'citizen-service' }, herning);
    expect(created.status).toBe(201);
    expect((await request(t.server).get(`/v1/proposals/${created.body.id}`).set(herning)).status).toBe(200);
    expect((await request(t.server).get(`/v1/proposals/${UNKNOWN}`).set(herning)).status).toBe(404);
    expect((await request(t.server).get('/no/such/route').set(herning)).status).toBe(404);

    // straight through the store the application uses: one conflict, one idempotent replay
    const store = t.app.get<EventStore>(EVENT_STORE);
    const stream = `metrics-probe-${randomUUID()}`;
    const id = randomUUID();
    await store.append(stream, [event(id)], { expectedVersion: 'no_stream' });
    await store.append(stream, [event(id)], { expectedVersion: 'no_stream' });
    await expect(store.append(stream, [event(randomUUID())], { expectedVersion: 7 })).rejects.toBeInstanceOf(WrongExpectedVersionError);

    const res = await request(t.server).get('/metrics').set(herning);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    text = res.text;
  });
  afterAll(async () => t?.close());

  it('counts requests and their latency per route pattern, not per URL', () => {
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/v1/proposals",status_code="201"}')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/v1/proposals/:id",status_code="200"}')).toBe(1);
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.005",method="POST",route="/v1/proposals",status_code="201"}');
    expect(text).not.toContain(UNKNOWN);
    expect(text).not.toContain('/no/such/route');
  });

  it('counts errors per route, unmatched URLs under one label', () => {
    expect(sample(text, 'http_request_errors_total{method="GET",route="/v1/proposals/:id",status_code="404"}')).toBe(1);
    expect(sample(text, 'http_request_errors_total{method="GET",route="unmatched",status_code="404"}')).toBe(1);
    expect(text).not.toMatch(/http_request_errors_total\{[^}]*status_code="20\d"/);
  });

  it('counts appends by outcome: written, conflict, idempotent replay', () => {
    expect(sample(text, 'event_store_appends_total{outcome="written"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'event_store_appends_total{outcome="conflict"}')).toBe(1);
    expect(sample(text, 'event_store_appends_total{outcome="idempotent_replay"}')).toBe(1);
    expect(sample(text, 'event_store_appends_total{outcome="failed"}')).toBe(0);
    expect(sample(text, 'event_store_appended_events_total')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'event_store_append_duration_seconds_count')).toBeGreaterThanOrEqual(4);
  });

  it('shows every projection with its position and lag', () => {
    const names = t.app.get(ProjectionRuntime).registered().map((p) => p.name);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      expect(sample(text, `projection_position{projection="${name}"}`)).toBeGreaterThanOrEqual(0);
      expect(sample(text, `projection_lag_events{projection="${name}"}`)).toBeGreaterThanOrEqual(0);
      expect(sample(text, `projection_failing{projection="${name}"}`)).toBe(0);
    }
    expect(sample(text, 'event_store_head_position')).toBeGreaterThanOrEqual(2);
  });

  it('shows the use of both connection pools', () => {
    for (const pool of ['event_store', 'read_models']) {
      expect(sample(text, `pg_pool_connections{pool="${pool}"}`)).toBeGreaterThanOrEqual(1);
      expect(sample(text, `pg_pool_idle_connections{pool="${pool}"}`)).toBeGreaterThanOrEqual(0);
      expect(sample(text, `pg_pool_waiting_requests{pool="${pool}"}`)).toBe(0);
      expect(sample(text, `pg_pool_max_connections{pool="${pool}"}`)).toBe(10);
    }
    expect(text).toContain('process_cpu_seconds_total');
  });
});
