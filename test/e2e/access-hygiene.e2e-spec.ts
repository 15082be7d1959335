import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem } from '../support/proposals.js';

const LIMIT = 5;
const pia = actorHeaders('pia@herning.dk', 'herning', 'programme_office');
const ole = actorHeaders('ole@herning.dk', 'herning', 'programme_office');

describe('HTTP hygiene: rate limits, security headers, body limits, errors that reveal nothing', () => {
  let t: TestApp;
  const http = () => request(t.server);

  beforeAll(async () => {
    t = await startTestApp('access_hygiene', { config: { rateLimitPerMinute: LIMIT } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('limits each subject to its rate with 429, Retry-After and problem+json, without slowing anyone else', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await http().get('/v1/proposals').set(pia)).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const limited = await http().get('/v1/proposals').set(pia);
    expectProblem(limited, 429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60 / LIMIT);
    expect((await http().get('/v1/proposals').set(ole)).status).toBe(200);
    expect((await http().get('/health/live')).status).toBe(200);
  });

  it('limits callers without a token by their address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await http().get('/v1/proposals')).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
  });

  describe('on an app without a rate limit', () => {
    let open: TestApp;
    const ask = () => request(open.server);

    beforeAll(async () => {
      open = await startTestApp('access_hygiene_open');
    });

    afterAll(async () => {
      await open?.close();
    });

    it('sends the security headers helmet would, and hides the framework', async () => {
      const res = await ask().get('/v1/proposals').set(pia);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('refuses a body over the limit with 413 before anything is decided', async () => {
      const res = await ask().post('/v1/proposals').set(pia).send({ title: 'x'.repeat(200_000), departmentId: 'technical' });
      expectProblem(res, 413);
    });

    it('answers hostile input with problems that carry no stack trace, SQL or internals', async () => {
      const answers = await Promise.all([
        ask().post('/v1/proposals').set(pia).set('Content-Type', 'application/json').send('{"title": "x", '),
        ask().get("/v1/proposals/' OR '1'='1").set(pia),
        ask().get('/v1/proposals').query({ cursor: "') union select 1 --", sort: 'title; drop' }).set(pia),
        ask().get('/v1/proposals').set({ Authorization: `Bearer ${'a'.repeat(50)}.${'b'.repeat(50)}.${'c'.repeat(50)}` }),
        ask().post('/v1/proposals').set(pia).send({ title: { $ne: null }, departmentId: ['x'], __proto__: { admin: true } }),
      ]);
      // (the inputs avoid the words looked for: a problem may echo the path it was asked for)
      for (const res of answers) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.text).not.toMatch(/\n\s+at |\bat [\w.]+ \(|node_modules|SELECT |INSERT |relation "|es_events|QueryFailedError|TypeError/);
      }
    });
  });
});
