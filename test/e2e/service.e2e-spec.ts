import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem } from '../support/proposals.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the service around the proposals', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    // a short read-your-writes bound, so that waiting it out is quick to show
    t = await startTestApp('e2e_service', { config: { readYourWritesTimeoutMs: 300 } });
  });
  afterAll(async () => t?.close());

  describe('health', () => {
    it('GET /health/live: 200, never cached', async () => {
      const res = await http().get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
      expect(res.headers['cache-control']).toContain('no-store');
    });

    it('GET /health/ready: 200 with the database up', async () => {
      const res = await http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(['ok', 'degraded']).toContain(res.body.status);
      expect(res.body.details.database).toEqual({ status: 'up' });
      expect(res.headers['cache-control']).toContain('no-store');
    });
  });

  describe('API documentation', () => {
    it('GET /openapi.json lists every proposal operation with its headers and problem answers', async () => {
      const res = await http().get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.body;
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Portfolio governance API');

      const operations = (path: string) => Object.keys(doc.paths[path] ?? {}).filter((k) => ['get', 'post', 'patch', 'put', 'delete'].includes(k)).sort();
      expect(operations('/v1/proposals')).toEqual(['get', 'post']);
      expect(operations('/v1/proposals/{id}')).toEqual(['get', 'patch']);
      expect(operations('/v1/proposals/{id}/history')).toEqual(['get']);
      expect(operations('/v1/proposals/{id}/submit')).toEqual(['post']);
      expect(operations('/v1/proposals/{id}/withdraw')).toEqual(['post']);

      const headerNames = (op: { parameters?: { in: string; name: string }[] }) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect(headerNames(doc.paths['/v1/proposals'].post)).toContain('Idempotency-Key');
      expect(headerNames(doc.paths['/v1/proposals/{id}'].patch)).toContain('If-Match');
      expect(headerNames(doc.paths['/v1/proposals'].get)).toContain('X-Min-Position');
      const queryNames = (doc.paths['/v1/proposals'].get.parameters as { in: string; name: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
      expect(queryNames).toEqual(expect.arrayContaining(['status', 'departmentId', 'sort', 'direction', 'limit', 'cursor']));

      expect(doc.paths['/v1/proposals'].post.responses.default.content).toHaveProperty(['application/problem+json']);
      expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
      expect(doc.components.schemas.CreateProposalRequest.required).toEqual(['title', 'departmentId']);
      // every operation says it takes a bearer token, and the scheme it names is defined
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      expect(doc.paths['/v1/proposals'].post.security).toEqual([{ bearer: [] }]);
    });

    it('GET /docs serves the interactive documentation as HTML', async () => {
      const res = await http().get('/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toMatch(/<html/i);
      expect(res.text).toContain('swagger');
    });
  });

  describe('request and correlation ids', () => {
    it('echoes the X-Request-Id and X-Correlation-Id a client sends', async () => {
      const res = await http().get('/health/live').set('X-Request-Id', 'req-2027.01:abc').set('X-Correlation-Id', 'budget-call-2027');
      expect(res.headers['x-request-id']).toBe('req-2027.01:abc');
      expect(res.headers['x-correlation-id']).toBe('budget-call-2027');
    });

    it('makes up a request id when none is sent, and uses it as correlation id', async () => {
      const res = await http().get('/health/live');
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.headers['x-correlation-id']).toBe(res.headers['x-request-id']);
      const other = await http().get('/health/live');
      expect(other.headers['x-request-id']).not.toBe(res.headers['x-request-id']);
    });

    it('replaces ids that are no plain tokens instead of echoing them', async () => {
      for (const bad of ['has spaces in it', 'x'.repeat(129), '<script>', 'semi;colon']) {
        const res = await http().get('/health/live').set('X-Request-Id', bad).set('X-Correlation-Id', bad);
        expect(res.headers['x-request-id']).toMatch(UUID);
        expect(res.headers['x-correlation-id']).toBe(res.headers['x-request-id']);
      }
    });

    it('carries the ids on a proposal\'s answers and problems, and names the request id in the problem', async () => {
      const created = await http()
        .post('/v1/proposals')
        .set(actorHeaders())
        .set('X-Request-Id', 'req-create-1')
        .set('X-Correlation-Id', 'corr-create-1')
        .send({ title: 'Traced', departmentId: 'it' });
      expect(created.status).toBe(201);
      expect(created.headers['x-request-id']).toBe('req-create-1');
      expect(created.headers['x-correlation-id']).toBe('corr-create-1');

      const failed = await http().post('/v1/proposals').set(actorHeaders()).set('X-Request-Id', 'req-fail-1').send({ title: 'No department' });
      expectProblem(failed, 400, ['departmentId']);
      expect(failed.headers['x-request-id']).toBe('req-fail-1');
      expect(failed.body.requestId).toBe('req-fail-1');

      const notFound = await http().get('/v1/unknown').set('X-Request-Id', 'req-404');
      expectProblem(notFound, 404);
      expect(notFound.body.requestId).toBe('req-404');
      expect(notFound.headers['x-request-id']).toBe('req-404');
    });
  });

  it('sends the usual security headers', async () => {
    const res = await http().get('/v1/proposals').set(actorHeaders());
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers 503 with Retry-After when the list cannot reach a requested X-Min-Position in time', async () => {
    const created = await draft(t, { title: 'Written', departmentId: 'it' });
    const [commit] = String(created.headers['x-log-position']).split('.');
    const future = `${BigInt(commit) + 1_000_000n}.1`;
    const res = await http().get('/v1/proposals').set(actorHeaders()).set('X-Min-Position', future);
    expectProblem(res, 503);
    expect(res.headers['retry-after']).toBe('1');
  });
});
