import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from '../../libs/platform/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem } from '../support/proposals.js';
import { signTestToken } from '../support/tokens.js';

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'anna@herning.dk',
  aud: DEFAULT_AUDIENCE,
  exp: now() + 600,
  realm_access: { roles: ['programme_office'] },
  organisation: 'herning',
  ...overrides,
});
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('authentication: bearer tokens decide who the caller is', () => {
  let t: TestApp;
  let pool: pg.Pool;
  const http = () => request(t.server);
  const eventCount = async () => Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp('access_authn');
    pool = new pg.Pool({ connectionString: t.db.url, max: 1 });
  });

  afterAll(async () => {
    await pool?.end();
    await t?.close();
  });

  it.each([
    ['no Authorization header', {}, 'Bearer realm="portfolio-governance"'],
    ['a scheme other than Bearer', { Authorization: 'Basic YW5uYTpzZWNyZXQ=' }, 'invalid_token'],
    ['a token that is not a JWT', bearer('not-a-token'), 'invalid_token'],
    ['a token signed with another key', bearer(signTestToken(claims(), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)), 'signature'],
    ['an expired token', bearer(signTestToken(claims({ exp: now() - 120 }))), 'expired'],
    ['a token for another audience', bearer(signTestToken(claims({ aud: 'another-service' }))), 'aud'],
    ['a token without a subject', bearer(signTestToken(claims({ sub: undefined }))), 'sub'],
    ['a token whose organisation is not an identifier', bearer(signTestToken(claims({ organisation: 'drop table; --' }))), 'organisation'],
  ])('answers %s with 401, WWW-Authenticate and problem+json, and writes nothing', async (_, headers, mentions) => {
    const before = await eventCount();
    const res = await http().post('/v1/proposals').set(headers).send({ title: 'Nobody', departmentId: 'citizen-service' });
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="portfolio-governance"/);
    expect(`${res.headers['www-authenticate']} ${res.body.detail}`).toContain(mentions);
    expect(await eventCount()).toBe(before);
  });

  it('grants nothing for the old development headers', async () => {
    const res = await http().get('/v1/proposals').set({ 'X-Actor-Subject': 'anna@herning.dk', 'X-Actor-Roles': 'programme_office', 'X-Actor-Organisation': 'herning' });
    expectProblem(res, 401);
  });

  it('keeps health, the OpenAPI document and the docs public, even with a refused token', async () => {
    for (const path of ['/health/live', '/openapi.json', '/docs']) {
      expect((await http().get(path)).status).toBe(200);
      expect((await http().get(path).set(bearer('bad.token.here'))).status).toBe(200);
    }
  });

  it('documents every operation as needing a bearer token, with its 401 and 403', async () => {
    const res = await http().get('/openapi.json');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const undocumented = operations.filter(({ op }) => JSON.stringify(op.security) !== '[{"bearer":[]}]' || !op.responses['401'] || !op.responses['403']);
    expect(undocumented.map((o) => o.key)).toEqual([]);
  });

  it('records the token subject as the actor of every event, whatever headers claim, with the correlation id', async () => {
    const res = await http()
      .post('/v1/proposals')
      .set(actorHeaders('pia@herning.dk', 'herning', 'programme_office'))
      .set({ 'X-Actor-Subject': 'mallory', 'X-Actor-Roles': 'administrator', 'X-Correlation-Id': 'corr-access-1' })
      .send({ title: 'Self-service permits', departmentId: 'technical' });
    expect(res.status).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('corr-access-1');
    const history = await http().get(`/v1/proposals/${res.body.id}/history`).set(actorHeaders('aud@herning.dk', 'herning', 'auditor'));
    expect(history.status).toBe(200);
    expect(history.body.events[0]).toMatchObject({
      actor: { subject: 'pia@herning.dk', roles: ['programme_office'], organisationId: 'herning' },
      correlationId: 'corr-access-1',
      requestId: res.headers['x-request-id'],
    });
    const { rows } = await pool.query("SELECT metadata FROM es_events WHERE stream_id = $1", [`proposal-${res.body.id}`]);
    expect(rows[0].metadata.actor.subject).toBe('pia@herning.dk');
  });

  it("records an identity provider's roles as stated, and only the service's roles grant anything", async () => {
    const token = signTestToken(claims({ sub: 'kc-user', realm_access: { roles: ['offline_access', 'programme_office'] } }));
    const res = await http().post('/v1/proposals').set(bearer(token)).send({ title: 'Keycloak roles', departmentId: 'technical' });
    expect(res.status).toBe(201);
    const history = await http().get(`/v1/proposals/${res.body.id}/history`).set(bearer(token));
    expect(history.body.events[0].actor).toEqual({ subject: 'kc-user', roles: ['offline_access', 'programme_office'], organisationId: 'herning' });
    const onlyProviderRoles = signTestToken(claims({ sub: 'kc-user', realm_access: { roles: ['offline_access', 'uma_authorization'] } }));
    expectProblem(await http().get('/v1/proposals').set(bearer(onlyProviderRoles)), 403);
  });

  it('answers 403 to a signed-in caller acting for no organisation', async () => {
    expectProblem(await http().post('/v1/proposals').set(actorHeaders('someone', '')).send({ title: 'Orphan', departmentId: 'technical' }), 403);
  });
});
