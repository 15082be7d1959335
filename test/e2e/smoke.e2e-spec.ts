import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';

describe('service smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e_smoke');
  });
  afterAll(async () => t?.close());

  it('drafts a proposal and lists it after the write', async () => {
    const created = await request(t.server).post('/v1/proposals').set(actorHeaders()).send({ title: 'Smoke', departmentId: 'it' }).expect(201);
    const list = await request(t.server).get('/v1/proposals').set(actorHeaders()).set('X-Min-Position', created.headers['x-log-position']).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });
});
