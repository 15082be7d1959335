import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { loadDemo, type DemoProgress, type DemoSummary } from '../../libs/demo/load-demo.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { testToken } from '../support/tokens.js';

const director = actorHeaders('direktoer@herning.dk', 'herning', 'director');
const auditor = actorHeaders('revisor@herning.dk', 'herning', 'auditor');
const secretariat4k = actorHeaders('sekretariat@4k-samarbejdet.dk', 'fire-k', 'programme_office');
const itForsyningen = actorHeaders('revisor@it-forsyningen.dk', 'it-forsyningen', 'auditor');
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });
const tokenFor = async (roles: string[], organisation: string, subject: string, department?: string) => testToken({ subject, organisation, roles, department });

/**
 * The demo data set, loaded through HTTP against the running service: interrupted half-way, completed by a rerun,
 * then loaded again without a single new event; and what a director and an auditor then see.
 */
describe('the demo data set', () => {
  let t: TestApp;
  let baseUrl: string;
  let db: pg.Client;
  let demo: DemoSummary;
  const http = () => request(t.server);
  const eventCount = async () => Number((await db.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  /** GETs `path` until `ready` holds: the views are projections that follow the log. */
  async function eventually(path: string, headers: Record<string, string>, ready: (body: any) => boolean): Promise<any> {
    for (let attempt = 0; ; attempt++) {
      const res = await http().get(path).set(headers);
      if (res.status === 200 && ready(res.body)) return res.body;
      if (attempt > 200) throw new Error(`${path} never got ready: ${res.status} ${res.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_demo');
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('stops when interrupted, and a rerun completes the set', async () => {
    const controller = new AbortController();
    const seen: DemoProgress[] = [];
    const interrupted = loadDemo(baseUrl, tokenFor, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.completed === 5) controller.abort(new Error('interrupted'));
      },
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    expect(seen.map((p) => p.completed)).toEqual([1, 2, 3, 4, 5]);
    const partial = await eventCount();
    expect(partial).toBeGreaterThan(0);

    const progress: DemoProgress[] = [];
    demo = await loadDemo(baseUrl, tokenFor, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toMatchObject({ completed: progress.length, total: progress.length });
    expect(demo.recorded).toBeGreaterThan(0);
    expect(await eventCount()).toBeGreaterThan(partial);
    expect(Object.keys(demo.herning.proposals)).toHaveLength(8);
  });

  it('loads again without adding a single event', async () => {
    const before = await eventCount();
    const again = await loadDemo(baseUrl, tokenFor);
    expect(await eventCount()).toBe(before);
    expect(again.recorded).toBe(0);
    expect(again).toEqual({ ...demo, recorded: 0, unchanged: again.unchanged });
  });

  it('gives every event an actor, and every decision its rationale as the reason', async () => {
    const { rows } = await db.query(`SELECT count(*) FILTER (WHERE metadata->'actor'->>'subject' IS NULL) AS anonymous, count(*) AS total FROM es_events`);
    expect(Number(rows[0].anonymous)).toBe(0);
    const decisions = await db.query(`SELECT metadata->>'reason' AS reason FROM es_events WHERE type IN ('DecisionTaken', 'DecisionNotReached')`);
    expect(decisions.rows.length).toBe(14);
    for (const { reason } of decisions.rows) expect(reason).toEqual(expect.stringMatching(/\S/));
  });

  it("shows the director Herning's portfolio: what was funded, rejected, deferred and escalated, and the pool", async () => {
    const { proposals, fundingPoolId, steeringGroupId } = demo.herning;
    const portfolio = await eventually('/v1/portfolio?limit=100', director, (b) => b.items.length === 8 && b.items.every((i: { lastDecision: unknown }) => i.lastDecision));
    const byId = Object.fromEntries(portfolio.items.map((i: { proposalId: string }) => [i.proposalId, i]));
    expect(byId[proposals['esdh-integration']]).toMatchObject({ title: 'Integration af nyt sagssystem med ESDH', status: 'execution', committed: dkk(600_000) });
    expect(byId[proposals['citizen-service-module']]).toMatchObject({ status: 'execution', committed: dkk(500_000) });
    expect(byId[proposals['daycare-self-service']]).toMatchObject({ status: 'execution', committed: dkk(750_000) });
    expect(byId[proposals['video-visits']]).toMatchObject({ status: 'execution', committed: dkk(900_000) });
    expect(byId[proposals['hall-booking']]).toMatchObject({ status: 'rejected' });
    expect(byId[proposals['payroll-robot']]).toMatchObject({ status: 'analysis' });
    expect(byId[proposals['building-sensors']]).toMatchObject({ status: 'idea' });
    expect(byId[proposals['school-parent-portal']]).toMatchObject({ status: 'analysis', lastDecision: expect.objectContaining({ kind: 'escalate' }) });

    const pool = (await http().get(`/v1/funding-pools/${fundingPoolId}`).set(director).expect(200)).body;
    expect(pool).toMatchObject({ amount: dkk(4_000_000), committed: dkk(2_750_000), available: dkk(1_250_000) });
    const principle = Object.fromEntries(pool.commitments.map((c: { proposalId: string; principle: string }) => [c.proposalId, c.principle]));
    expect(principle).toMatchObject({ [proposals['esdh-integration']]: 'efficiency', [proposals['citizen-service-module']]: 'development' });

    const agreement = (await http().get(demo.herning.paybackAgreement).set(director).expect(200)).body;
    expect(agreement).toMatchObject({ invested: dkk(600_000), scheduled: dkk(600_000), firstYear: 2027, years: 3 });
    expect(agreement.installments.map((i: { year: number; partyId: string; amount: unknown }) => [i.year, i.partyId, i.amount])).toEqual(
      [2027, 2028, 2029].flatMap((year) => [
        [year, 'teknik-og-miljoe', dkk(100_000)],
        [year, 'oevrige-forvaltninger', dkk(100_000)],
      ]),
    );

    const forum = (await http().get(`/v1/forums/${steeringGroupId}/portfolio`).set(director).expect(200)).body;
    expect(forum.prioritised).toHaveLength(8);
    expect(forum.pools).toEqual([expect.objectContaining({ poolId: fundingPoolId, available: dkk(1_250_000) })]);
  });

  it("lets an auditor replay the integration's funding decision exactly as the forum saw it, and who did what", async () => {
    const { integrationFundingDecisionId, proposals, steeringGroupId, meetings } = demo.herning;
    const saw = (await http().get(`/v1/decisions/${integrationFundingDecisionId}/what-the-forum-saw`).set(auditor).expect(200)).body;
    expect(saw.decision).toMatchObject({ proposalId: proposals['esdh-integration'], kind: 'approve', outcome: 'carried', from: 'analysis', to: 'execution', amount: dkk(600_000) });
    expect(saw.decision.recordedBy).toMatchObject({ subject: 'anne.kjaer@herning.dk' });
    expect(saw.meeting).toMatchObject({ meetingId: meetings[4], heldOn: '2026-04-07' });
    expect(saw.forum).toMatchObject({ forumId: steeringGroupId });
    expect(saw.tally).toMatchObject({ outcome: 'carried', for: 5, eligible: 5 });
    expect(saw.agenda).toMatchObject({ verified: true, revision: 1 });
    expect(saw.agenda.pack.fundingPool).toMatchObject({ available: dkk(4_000_000) });

    const history = (await http().get('/v1/audit/events').query({ stream: `project-${proposals['esdh-integration']}`, limit: '100' }).set(auditor).expect(200)).body;
    const taken = history.items.filter((e: { type: string }) => e.type === 'DecisionTaken');
    expect(taken.map((e: { metadata: { actor: { subject: string }; reason: string } }) => [e.metadata.actor.subject, e.metadata.reason])).toEqual([
      ['anne.kjaer@herning.dk', 'Tværgående gevinst; business case og tilbagebetaling udarbejdes i analysefasen'],
      ['anne.kjaer@herning.dk', 'Effektiviseringsprincippet: puljen betaler integrationen; gevinsten betales tilbage over tre år'],
    ]);
    const drafted = (await http().get('/v1/audit/events').query({ stream: `proposal-${proposals['esdh-integration']}` }).set(auditor).expect(200)).body;
    expect(drafted.items[0].metadata.actor).toMatchObject({ subject: 'digitalisering.teknik-og-miljoe@herning.dk', organisationId: 'herning' });
  });

  it("settles 4K's year net to zero without Rudersdal in the project it opted out of, and reports IT-Forsyningen's benefits", async () => {
    const settlement = (await http().get(`/v1/collaborations/${demo.fourK.collaborationId}/settlements/2025`).set(secretariat4k).expect(200)).body;
    expect(settlement.statement.members.reduce((sum: number, m: { net: { amountMinor: number } }) => sum + m.net.amountMinor, 0)).toBe(0);
    const byggesag = settlement.statement.projects.find((p: { projectId: string }) => p.projectId === 'byggesag');
    expect(byggesag.shares.map((s: { organisationId: string }) => s.organisationId)).toEqual(['gentofte', 'gladsaxe', 'lyngby-taarbaek']);
    const pool = (await http().get(`/v1/funding-pools/${demo.fourK.welfareTechnologyPoolId}`).set(secretariat4k).expect(200)).body;
    expect(pool).toMatchObject({ amount: dkk(12_000_000), available: dkk(12_000_000) });

    const report = await eventually(
      `/v1/realisation-report?asOf=2016-12-31&projectId=${demo.itForsyningen.projectId}`,
      itForsyningen,
      (b) => b.projects.length === 1 && b.projects[0].benefits.length === 2,
    );
    expect(report.projects[0].investment).toEqual({ planned: dkk(12_000_000), actual: dkk(9_000_000), actualRecordedOn: '2014-06-30' });
    expect(report.projects[0].totals.fteHundredths).toMatchObject({ actualToDate: 500, plannedTotal: 500 });
    const followUps = (await http().get('/v1/benefit-follow-ups').query({ asOf: '2016-12-31' }).set(itForsyningen).expect(200)).body;
    expect(followUps.items.map((i: { benefitId: string }) => i.benefitId)).toContain('lower-operating-costs');
  });
});
