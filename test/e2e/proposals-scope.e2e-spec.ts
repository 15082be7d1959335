import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { SERVER_URL } from '../support/postgres.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const herning = actorHeaders('anna@herning.dk', 'herning');
const viborg = actorHeaders('vera@viborg.dk', 'viborg');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('organisation scope and edge cases of the proposals API', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => { t = await startTestApp('e2e_scope'); });
  afterAll(async () => t?.close());

  it('a request acting for no organisation does not list every organisation\'s proposals', async () => {
    const created = await draft(t, { title: 'Herning only', departmentId: 'it' }, herning);
    const res = await http().get('/v1/proposals').set(actorHeaders('someone', '', 'director')).set('X-Min-Position', created.headers['x-log-position']);
    expectProblem(res, 403);
    expectProblem(await http().get('/v1/proposals'), 401);
  });

  it('another organisation cannot read, amend, submit, withdraw or read the history of a proposal', async () => {
    const created = await draft(t, { ...SUBMITTABLE, title: 'Herning secret', departmentId: 'it' }, herning);
    const id = created.body.id;
    const get = await http().get(`/v1/proposals/${id}`).set(viborg);
    const hist = await http().get(`/v1/proposals/${id}/history`).set(viborg);
    const patch = await http().patch(`/v1/proposals/${id}`).set(viborg).set('If-Match', '"1"').send({ title: 'Viborg was here' });
    expect([get.status, hist.status, patch.status]).toEqual([404, 404, 404]);
  });

  it('an anonymous caller cannot amend, submit or withdraw (401: no token)', async () => {
    const created = await draft(t, { ...SUBMITTABLE, title: 'Herning draft', departmentId: 'it' }, herning);
    const id = created.body.id;
    const submit = await http().post(`/v1/proposals/${id}/submit`);
    const withdraw = await http().post(`/v1/proposals/${id}/withdraw`).send({ reason: 'because' });
    expect(submit.status).toBe(401);
    expect(withdraw.status).toBe(401);
  });

  it('amending, submitting or withdrawing an unknown proposal with If-Match is 404, not a version conflict', async () => {
    const patch = await http().patch(`/v1/proposals/${UNKNOWN}`).set(herning).set('If-Match', '"1"').send({ title: 'x' });
    const submit = await http().post(`/v1/proposals/${UNKNOWN}/submit`).set(herning).set('If-Match', '"1"');
    const withdraw = await http().post(`/v1/proposals/${UNKNOWN}/withdraw`).set(herning).set('If-Match', '"3"').send({ reason: 'x' });
    expectProblem(patch, 404);
    expectProblem(submit, 404);
    expectProblem(withdraw, 404);
  });

  it('?asOfVersion beyond the proposal\'s last version is 404, not the current proposal', async () => {
    const created = await draft(t, { title: 'One version', departmentId: 'it' }, herning);
    const res = await http().get(`/v1/proposals/${created.body.id}?asOfVersion=5`).set(herning);
    expectProblem(res, 404);
  });

  it('an Idempotency-Key used for herning is not replayed to the same person acting for viborg', async () => {
    const anna = actorHeaders('anna@herning.dk', 'herning');
    const annaForViborg = actorHeaders('anna@herning.dk', 'viborg');
    const body = { title: 'Shared key', departmentId: 'it' };
    const first = await http().post('/v1/proposals').set(anna).set('Idempotency-Key', 'anna-key').send(body).expect(201);
    const second = await http().post('/v1/proposals').set(annaForViborg).set('Idempotency-Key', 'anna-key').send(body);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.body.organisationId).toBe('viborg');
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('a transaction open in another database of the server does not stall read-your-writes', async () => {
    const other = new pg.Client({ connectionString: SERVER_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      const created = await draft(t, { title: 'Stalled', departmentId: 'stall' }, herning);
      // the read model must pass the write although that unrelated transaction is still open (else: 503)
      const res = await http().get('/v1/proposals?departmentId=stall').set(herning).set('X-Min-Position', created.headers['x-log-position']);
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });
});
