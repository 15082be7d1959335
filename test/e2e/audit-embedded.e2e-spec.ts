import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Pool } from 'pg';
import { PG_POOL } from '../../libs/platform/index.js';
import { actorHeaders, startEmbeddedTestApp, type EmbeddedTestApp } from '../support/app.js';
import { draft, SUBMITTABLE } from '../support/proposals.js';

const pmo = actorHeaders('anna@embedded.dk', 'embedded', 'programme_office');
const auditor = actorHeaders('aud@embedded.dk', 'embedded', 'auditor');

/** The audit indexes' migration waits for the event store's table; on the embedded database it must not hold the one session while it waits. */
describe('audit and time travel on the embedded database (PGlite)', () => {
  let embedded: EmbeddedTestApp;

  beforeAll(async () => {
    embedded = await startEmbeddedTestApp('audit-embedded');
  }, 120_000);
  afterAll(async () => {
    await embedded?.close();
  });

  it('migrates the audit indexes, lists the log and answers as of a position', async () => {
    const t = { server: embedded.server } as Parameters<typeof draft>[0];
    const drafted = await draft(t, { ...SUBMITTABLE, title: 'Embedded mail', departmentId: 'it' }, pmo);
    const position = drafted.headers['x-log-position'];
    await request(embedded.server).patch(`/v1/proposals/${drafted.body.id}`).set(pmo).set('If-Match', '"1"').send({ title: 'Embedded mail, amended' }).expect(200);

    const events = await request(embedded.server).get('/v1/audit/events').query({ stream: `proposal-${drafted.body.id}` }).set(auditor).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['ProposalDrafted', 'ProposalAmended']);
    const asOf = await request(embedded.server).get(`/v1/proposals/${drafted.body.id}`).query({ asOf: position }).set(pmo).expect(200);
    expect(asOf.body.form.title).toBe('Embedded mail');
    const { rows } = await embedded.app.get<Pool>(PG_POOL).query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'es_events' AND indexname LIKE 'es_events_audit_%' ORDER BY indexname`);
    expect(rows.map((r) => r.indexname)).toEqual([
      'es_events_audit_actor',
      'es_events_audit_correlation',
      'es_events_audit_decision',
      'es_events_audit_global_position',
      'es_events_audit_organisation',
      'es_events_audit_recorded_at',
    ]);
  }, 120_000);
});
