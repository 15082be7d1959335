import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { verifyPack } from '../../libs/governance/domain/agendas/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const pmo = actorHeaders('anna@audit.dk', 'audit-org', 'programme_office');
const auditor = actorHeaders('aud@audit.dk', 'audit-org', 'auditor');
const otherAuditor = actorHeaders('aud@other.dk', 'other-org', 'auditor');
const otherPmo = actorHeaders('pmo@other.dk', 'other-org', 'programme_office');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const MEMBERS = ['karen', 'ole', 'mette'];
const MONTHLY = { frequency: 'monthly', dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 }, time: '14:00', timeZone: 'Europe/Copenhagen', durationMinutes: 120, exceptMonths: [7], startDate: '2026-01-01' };

interface AuditEvent {
  position: string;
  globalPosition: string;
  streamId: string;
  version: number;
  type: string;
  organisationId: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { actor: { subject: string }; correlationId: string; reason?: string };
}

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('the audit trail and what the forum saw', () => {
  let t: TestApp;
  const http = () => request(t.server);
  let forumId: string;
  let modelId: string;
  let poolId: string;
  let proposalId: string;
  let decisionId: string;
  let amendCorrelation: string;
  let pack: { contentHash: string; pack: Record<string, unknown> };

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  const events = (query: Record<string, string>, who = auditor) => ok(http().get('/v1/audit/events').query({ limit: '1000', ...query }).set(who), 200);

  beforeAll(async () => {
    t = await startTestApp('e2e_audit');
    await ok(http().post('/v1/organisations').set(pmo).send({ id: 'audit-org', name: 'Revision Kommune', kind: 'municipality' }), 201);
    await ok(http().post('/v1/organisations/audit-org/departments').set(pmo).send({ id: 'it', name: 'IT' }), 201);
    forumId = (
      await ok(
        http()
          .post('/v1/forums')
          .set(pmo)
          .send({ name: 'Styregruppen', kind: 'steering_group', mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: SIMPLE_MAJORITY }),
        201,
      )
    ).body.id;
    for (const [index, memberId] of MEMBERS.entries()) {
      await ok(http().post(`/v1/forums/${forumId}/members`).set(pmo).send({ memberId, person: { name: memberId }, role: index === 0 ? 'chair' : 'member', from: '2026-01-01' }), 201);
    }
    await ok(http().put(`/v1/forums/${forumId}/meeting-rule`).set(pmo).send(MONTHLY), 200);
    const meetings = (await ok(http().post(`/v1/forums/${forumId}/meetings/schedule`).set(pmo).send({ from: '2026-01-01', to: '2026-12-31' }), 200)).body.scheduled;
    modelId = (await ok(http().post('/v1/scoring-models').set(pmo).send({ forumId, template: 'herning_default' }), 201)).body.id;
    poolId = (await ok(http().post('/v1/funding-pools').set(pmo).send({ forumId, year: 2026, name: 'Udviklingspuljen, "2026"', amount: dkk(3_000_000) }), 201)).body.id;
    proposalId = (await draft(t, { ...SUBMITTABLE, title: 'Digital mail, "for citizens"', departmentId: 'it', investment: { developmentCost: dkk(900_000) } }, pmo)).body.id;
    await ok(http().post(`/v1/proposals/${proposalId}/submit`).set(pmo), 200);
    const scored = await ok(
      http().post(`/v1/proposals/${proposalId}/scores`).set(pmo).send({ assessorKind: 'department', forumId, modelId, modelVersion: 1, scores: { legal_requirement: 5, faces_citizens_or_businesses: 4, gain_for_the_business: 3, expected_economic_gain: 2 } }),
      201,
    );
    await ok(http().get(`/v1/forums/${forumId}/ranking`).set(pmo).set('X-Min-Position', scored.headers['x-log-position']), 200);
    const meetingId = meetings[1].meetingId;
    await ok(http().post(`/v1/meetings/${meetingId}/agenda`).set(pmo), 201);
    await ok(http().post(`/v1/meetings/${meetingId}/agenda/items`).set(pmo).send({ kind: 'decision', title: 'Decide the mail', proposalId, decisionAsked: 'approve' }), 201);
    pack = (await ok(http().post(`/v1/meetings/${meetingId}/agenda/freeze`).set(pmo).send({ fundingPoolId: poolId }), 201)).body;
    const votes = MEMBERS.map((memberId) => ({ memberId, vote: memberId === 'mette' ? 'against' : 'for' }));
    decisionId = (await ok(http().post(`/v1/meetings/${meetingId}/decisions`).set(pmo).send({ agendaRevision: 1, proposalId, kind: 'approve', rationale: 'Required by law, analyse it', votes }), 201)).body.decisionId;
    const amended = await ok(
      http().patch(`/v1/proposals/${proposalId}`).set(pmo).set('If-Match', '"2"').send({ title: '=HYPERLINK("x")', reason: 'Line one\nline two, "quoted"' }),
      200,
    );
    amendCorrelation = (await events({ stream: `proposal-${proposalId}`, type: 'ProposalAmended' })).body.items[0].metadata.correlationId;
    expect(amended.body.form.title).toBe('=HYPERLINK("x")');
    // another organisation's activity, which no auditor of ours may see
    await draft(t, { ...SUBMITTABLE, title: 'Elsewhere', departmentId: 'it' }, otherPmo);
  });
  afterAll(async () => t?.close());

  describe('GET /v1/audit/events', () => {
    it("lists the organisation's events in log order, each with its actor, correlation and positions", async () => {
      const all = (await events({})).body.items as AuditEvent[];
      expect(all.length).toBeGreaterThan(15);
      expect(all.every((e) => e.organisationId === 'audit-org')).toBe(true);
      expect(all.some((e) => e.data.title === 'Elsewhere')).toBe(false);
      const positions = all.map((e) => e.position.split('.').map(BigInt));
      for (let i = 1; i < positions.length; i++) {
        const [a, b] = [positions[i - 1], positions[i]];
        expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
      }
      const amended = all.find((e) => e.type === 'ProposalAmended')!;
      expect(amended).toMatchObject({ streamId: `proposal-${proposalId}`, version: 3, metadata: { actor: { subject: 'anna@audit.dk' }, reason: 'Line one\nline two, "quoted"' } });
      expect(amended.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
    });

    it('shows people as the event store does: decrypted for the auditor, though the log holds only ciphertext', async () => {
      const drafted = ((await events({ stream: `proposal-${proposalId}` })).body.items as AuditEvent[]).find((e) => e.type === 'ProposalDrafted')!;
      expect(JSON.stringify(drafted.data)).toContain('Karen Jensen');
      const client = new pg.Client({ connectionString: t.db.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT data::text AS data FROM es_events WHERE stream_id = $1 AND stream_position = 1`, [`proposal-${proposalId}`]);
        expect(rows[0].data).not.toContain('Karen Jensen');
      } finally {
        await client.end();
      }
    });

    it('filters by stream, actor, type, forum, correlation id and time range', async () => {
      const stream = (await events({ stream: `proposal-${proposalId}` })).body.items as AuditEvent[];
      expect(stream.map((e) => e.type)).toEqual(['ProposalDrafted', 'ProposalSubmitted', 'ProposalAmended']);
      expect((await events({ actor: 'nobody@audit.dk' })).body.items).toEqual([]);
      expect(((await events({ actor: 'anna@audit.dk' })).body.items as AuditEvent[]).length).toBeGreaterThan(10);
      const types = (await events({ type: 'DecisionTaken,AgendaFrozen' })).body.items as AuditEvent[];
      expect(types.map((e) => e.type)).toEqual(['AgendaFrozen', 'DecisionTaken']);
      const forum = (await events({ forum: forumId })).body.items as AuditEvent[];
      expect(forum.map((e) => e.type)).toEqual(expect.arrayContaining(['ForumEstablished', 'ScoringModelDefined', 'FundingPoolEstablished', 'ScoreSetRecorded', 'DecisionTaken']));
      expect(forum.some((e) => e.type.startsWith('Proposal'))).toBe(false);
      const correlated = (await events({ correlationId: amendCorrelation })).body.items as AuditEvent[];
      expect(correlated.map((e) => e.type)).toEqual(['ProposalAmended']);

      const decision = types[1];
      const upToDecision = (await events({ to: decision.recordedAt })).body.items as AuditEvent[];
      expect(upToDecision.some((e) => e.type === 'ProposalAmended' || e.type === 'DecisionTaken')).toBe(false);
      const fromDecision = (await events({ from: decision.recordedAt })).body.items as AuditEvent[];
      expect(fromDecision[0].type).toBe('DecisionTaken');
      expect(fromDecision.map((e) => e.type)).toContain('ProposalAmended');
    });

    it('pages with a cursor, without gaps or repeats', async () => {
      const whole = (await events({})).body.items as AuditEvent[];
      const paged: AuditEvent[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await ok(http().get('/v1/audit/events').query(cursor ? { limit: '4', cursor } : { limit: '4' }).set(auditor), 200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        if (page.body.nextCursor) expect(page.headers.link).toContain(`cursor=${page.body.nextCursor}`);
        paged.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(paged.map((e) => e.position)).toEqual(whole.map((e) => e.position));
    });

    it('shows another organisation nothing of ours, and refuses bad input naming the field', async () => {
      const theirs = (await events({}, otherAuditor)).body.items as AuditEvent[];
      expect(theirs.map((e) => e.type)).toEqual(['ProposalDrafted']);
      expect((await events({ stream: `proposal-${proposalId}` }, otherAuditor)).body.items).toEqual([]);
      expectProblem(await http().get('/v1/audit/events').query({ cursor: 'bm9uc2Vuc2U' }).set(auditor), 400, ['cursor']);
      expectProblem(await http().get('/v1/audit/events').query({ cursor: 'not a cursor!' }).set(auditor), 400, ['cursor']);
      expectProblem(await http().get('/v1/audit/events').query({ from: 'yesterday' }).set(auditor), 400, ['from']);
      expectProblem(await http().get('/v1/audit/events').query({ to: '2026-01-01T00:00:00' }).set(auditor), 400, ['to']);
      expectProblem(await http().get('/v1/audit/events').query({ from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).set(auditor), 400, ['from']);
      expectProblem(await http().get('/v1/audit/events').query({ limit: '0' }).set(auditor), 400, ['limit']);
      expectProblem(await http().get('/v1/audit/events').query({ colour: 'red' }).set(auditor), 400, ['colour']);
    });
  });

  describe('GET /v1/audit/events/export', () => {
    it('streams NDJSON: one event per line, exactly as the list shows them', async () => {
      const listed = (await events({ stream: `proposal-${proposalId}` })).body.items as AuditEvent[];
      const res = await ok(http().get('/v1/audit/events/export').query({ stream: `proposal-${proposalId}`, format: 'ndjson' }).set(auditor).buffer(true).parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        r.on('end', () => done(null, text));
      }), 200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="audit-events.ndjson"');
      const lines = (res.body as string).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((line) => JSON.parse(line))).toEqual(listed);
    });

    it('streams CSV with every field escaped: commas, quotes, line breaks, and text a spreadsheet would run', async () => {
      const res = await ok(http().get('/v1/audit/events/export').query({ format: 'csv' }).set(auditor).buffer(true).parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        r.on('end', () => done(null, text));
      }), 200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(res.body as string);
      const [header, ...body] = rows;
      expect(header.slice(0, 4)).toEqual(['position', 'globalPosition', 'recordedAt', 'streamId']);
      expect(body.every((row) => row.length === header.length)).toBe(true);
      expect(body).toHaveLength(((await events({})).body.items as unknown[]).length);
      const column = (name: string) => header.indexOf(name);
      const amended = body.find((row) => row[column('type')] === 'ProposalAmended')!;
      expect(amended[column('reason')]).toBe('Line one\nline two, "quoted"');
      expect(JSON.parse(amended[column('data')]).amendment.title).toBe('=HYPERLINK("x")');
      expect(amended[column('correlationId')]).toBe(amendCorrelation);
      const pool = body.find((row) => row[column('type')] === 'FundingPoolEstablished')!;
      expect(JSON.parse(pool[column('data')]).name).toBe('Udviklingspuljen, "2026"');
    });

    it('refuses a bad format or filter before sending anything', async () => {
      expectProblem(await http().get('/v1/audit/events/export').query({ format: 'xlsx' }).set(auditor), 400, ['format']);
      expectProblem(await http().get('/v1/audit/events/export').query({ from: 'soon' }).set(auditor), 400, ['from']);
    });
  });

  describe('GET /v1/decisions/{id}/what-the-forum-saw', () => {
    it('shows the frozen agenda, the votes, the rationale, the model version and the pool balance, exactly as they were', async () => {
      const saw = await ok(http().get(`/v1/decisions/${decisionId}/what-the-forum-saw`).set(auditor), 200);
      expect(saw.body.decision).toMatchObject({ decisionId, proposalId, kind: 'approve', outcome: 'carried', rationale: 'Required by law, analyse it', from: 'idea', to: 'analysis', recordedBy: { subject: 'anna@audit.dk' } });
      expect(saw.body.tally).toMatchObject({ outcome: 'carried', for: 2, against: 1 });
      expect(saw.body.votes).toEqual(MEMBERS.map((memberId) => ({ memberId, vote: memberId === 'mette' ? 'against' : 'for' })));
      expect(saw.body.agenda).toMatchObject({ revision: 1, contentHash: pack.contentHash, verified: true, frozenBy: 'anna@audit.dk' });
      expect(saw.body.agenda.pack).toEqual(pack.pack);
      expect(verifyPack(saw.body.agenda.pack, pack.contentHash)).toBe(true);
      expect(saw.body.proposal.asShown.content.title).toBe('Digital mail, "for citizens"');
      expect(saw.body.proposal).toMatchObject({ rank: 1 });
      expect(saw.body.scoringModel).toMatchObject({ modelId, version: 1, criteria: expect.arrayContaining([expect.objectContaining({ id: 'legal_requirement', weight: 1 })]) });
      expect(saw.body.poolBalance).toEqual({ poolId, year: 2026, amount: dkk(3_000_000), committed: dkk(0), available: dkk(3_000_000) });
      expect(saw.body.forum.votingMembers.map((m: { memberId: string }) => m.memberId).sort()).toEqual([...MEMBERS].sort());
    });

    it('gives the same answer after the proposal is amended, the model revised and money committed', async () => {
      const before = await ok(http().get(`/v1/decisions/${decisionId}/what-the-forum-saw`).set(auditor), 200);
      const model = await ok(http().get(`/v1/scoring-models/${modelId}`).set(pmo), 200);
      await ok(http().put(`/v1/scoring-models/${modelId}`).set(pmo).set('If-Match', model.headers.etag).send({ template: 'herning_default', name: 'Herning 2027', reason: 'New year' }), 200);
      const current = await ok(http().get(`/v1/proposals/${proposalId}`).set(pmo), 200);
      await ok(http().patch(`/v1/proposals/${proposalId}`).set(pmo).set('If-Match', current.headers.etag).send({ title: 'Something else entirely', investment: { developmentCost: dkk(1) } }), 200);
      await ok(http().post(`/v1/funding-pools/${poolId}/commitments`).set(pmo).send({ proposalId, decisionId: 'later-decision', amount: dkk(1_000_000), costKind: 'development' }), 201);

      const after = await ok(http().get(`/v1/decisions/${decisionId}/what-the-forum-saw`).set(auditor), 200);
      expect(after.body).toEqual(before.body);
      expect(after.body.scoringModel.name).not.toBe('Herning 2027');
      expect(after.body.poolBalance.available).toEqual(dkk(3_000_000));
    });

    it('is not found for an unknown id, a malformed id, or another organisation', async () => {
      expectProblem(await http().get('/v1/decisions/7d3c5a0e-0000-4000-8000-000000000000/what-the-forum-saw').set(auditor), 404, ['decisionId']);
      expectProblem(await http().get('/v1/decisions/not-a-decision/what-the-forum-saw').set(auditor), 404, ['decisionId']);
      expectProblem(await http().get(`/v1/decisions/${decisionId}/what-the-forum-saw`).set(otherAuditor), 404, ['decisionId']);
    });
  });
});
