import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import request from 'supertest';
import { verifyEventLog } from '../../libs/integrity/verify-event-log.js';
import { PG_POOL } from '../../libs/platform/index.js';
import { actorHeaders, startEmbeddedTestApp, type EmbeddedTestApp } from '../support/app.js';
import { draft, SUBMITTABLE } from '../support/proposals.js';

const pmo = actorHeaders('anna@embedded.dk', 'embedded', 'programme_office');
const admin = actorHeaders('admin@embedded.dk', 'embedded', 'administrator');
const OWNER = { name: 'Bo Ravnkilde', email: 'bo.ravnkilde@embedded.dk' };

/** The same erasure on the embedded database (PGlite): keys beside the log, the key table migrated, read models rebuilt. */
describe('personal data on the embedded database (PGlite)', () => {
  let embedded: EmbeddedTestApp;

  beforeAll(async () => {
    embedded = await startEmbeddedTestApp('personal-data-embedded');
  }, 120_000);
  afterAll(async () => {
    await embedded?.close();
  });

  it('encrypts, erases, verifies and scrubs', async () => {
    const http = () => request(embedded.server);
    const pool = embedded.app.get<Pool>(PG_POOL);
    const mentions = async () =>
      (await pool.query(`SELECT count(*)::int AS n FROM proposal_summaries s WHERE s::text ILIKE '%Ravnkilde%'`)).rows[0].n as number;
    const drafted = await draft({ server: embedded.server } as Parameters<typeof draft>[0], { ...SUBMITTABLE, title: 'Embedded mail', departmentId: 'it', systemOwner: { person: OWNER } }, pmo);
    const { rows } = await pool.query('SELECT data FROM es_events WHERE stream_id = $1', [`proposal-${drafted.body.id}`]);
    expect(JSON.stringify(rows)).not.toMatch(/Ravnkilde/);

    // the read model holds the name until the erasure: wait for it to get there, bounded
    const shown = Date.now() + 30_000;
    while ((await mentions()) === 0 && Date.now() < shown) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await mentions()).toBe(1);

    const found = await http().get('/v1/people').query({ email: OWNER.email }).set(admin).expect(200);
    const personId = found.body.items[0].personId as string;
    await http().post(`/v1/people/${personId}/erasure`).set(admin).send({ reason: 'Request from the data subject' }).expect(201);

    const proposal = await http().get(`/v1/proposals/${drafted.body.id}`).set(pmo).expect(200);
    expect(proposal.body.form.systemOwner.person).toEqual({ erased: true });
    expect(await verifyEventLog(pool)).toMatchObject({ intact: true, brokenLinks: 0 });

    const deadline = Date.now() + 60_000;
    while ((await mentions()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mentions()).toBe(0);
  }, 120_000);
});
