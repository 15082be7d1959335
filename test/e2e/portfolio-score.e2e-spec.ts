import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

const scoreville = actorHeaders('pmo@scoreville.dk', 'scoreville', 'programme_office');
const elsewhere = actorHeaders('pmo@elsewhere.dk', 'elsewhere', 'programme_office');

/** Herning's default model: four criteria of weight 1 scored 1..5, so normalised = (sum - 4) / 16 * 100. */
const scores = ([legal, citizens, business, economic]: number[]) => ({
  legal_requirement: legal,
  faces_citizens_or_businesses: citizens,
  gain_for_the_business: business,
  expected_economic_gain: economic,
});

interface Row {
  proposalId: string;
  title: string;
  score: { normalised: string; numerator: number; denominator: number; forumId: string; modelId: string; modelVersion: number } | null;
}

describe("the directors' portfolio by score", () => {
  let t: TestApp;
  const http = () => request(t.server);
  const ids: Record<string, string> = {};
  let lastWrite = '';

  async function ok(res: request.Test | Promise<request.Response>, status: number): Promise<request.Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer;
  }

  const list = (query: Record<string, string>) => ok(http().get('/v1/portfolio').query(query).set(scoreville).set('X-Min-Position', lastWrite), 200);

  /** Every page of a listing, following nextCursor. */
  async function walk(query: Record<string, string>): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: request.Response = await list(cursor ? { ...query, cursor } : query);
      rows.push(...(page.body.items as Row[]));
      cursor = page.body.nextCursor;
      if (cursor === null) return rows;
    }
    throw new Error('too many pages');
  }

  /** (hundredths or null, proposal id) of each row. */
  const keys = (rows: Row[]) => rows.map((r) => [r.score === null ? null : Number(r.score.normalised.replace('.', '')), r.proposalId] as const);

  function expectedOrder(rows: Row[], direction: 'asc' | 'desc'): string[] {
    const sign = direction === 'asc' ? 1 : -1;
    return keys(rows)
      .sort(([a, ida], [b, idb]) => {
        if (a === null || b === null) return a === b ? sign * ida.localeCompare(idb) : a === null ? 1 : -1;
        return a !== b ? sign * (a - b) : sign * ida.localeCompare(idb);
      })
      .map(([, id]) => id);
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_portfolio_score');
    const modelA = (await ok(http().post('/v1/scoring-models').set(scoreville).send({ forumId: 'board-a', template: 'herning_default' }), 201)).body.id;
    const modelB = (await ok(http().post('/v1/scoring-models').set(scoreville).send({ forumId: 'board-b', template: 'herning_default' }), 201)).body.id;
    const modelOld = (await ok(http().post('/v1/scoring-models').set(scoreville).send({ forumId: 'board-c', template: 'herning_default' }), 201)).body.id;
    // name -> the score sets it gets: [forum, model, scores]
    const plan: [string, [string, string, number[]][]][] = [
      ['top', [['board-a', modelA, [5, 5, 5, 5]]]], // 100.00
      ['both', [['board-a', modelA, [1, 1, 1, 1]], ['board-b', modelB, [4, 4, 4, 5]]]], // 0.00 and 81.25: the highest counts
      ['good', [['board-a', modelA, [4, 4, 4, 4]]]], // 75.00
      ['middle', [['board-a', modelA, [3, 3, 3, 3]]]], // 50.00
      ['middle-too', [['board-b', modelB, [3, 3, 3, 3]]]], // 50.00: a tie, ordered by id
      ['fractional', [['board-a', modelA, [2, 3, 3, 3]]]], // 43.75
      ['bottom', [['board-b', modelB, [1, 1, 1, 1]]]], // 0.00
      ['retired-only', [['board-c', modelOld, [5, 5, 5, 5]]]], // its model is retired below: unscored
      ['unscored-1', []],
      ['unscored-2', []],
    ];
    for (const [name, sets] of plan) {
      const created = await draft(t, { ...SUBMITTABLE, title: name, departmentId: 'it' }, scoreville);
      ids[name] = created.body.id;
      lastWrite = (await ok(http().post(`/v1/proposals/${created.body.id}/submit`).set(scoreville), 200)).headers['x-log-position'];
      for (const [forumId, modelId, s] of sets) {
        lastWrite = (
          await ok(http().post(`/v1/proposals/${created.body.id}/scores`).set(scoreville).send({ assessorKind: 'department', forumId, modelId, modelVersion: 1, scores: scores(s) }), 201)
        ).headers['x-log-position'];
      }
    }
    lastWrite = (await ok(http().post(`/v1/scoring-models/${modelOld}/retire`).set(scoreville).send({ reason: 'replaced' }), 200)).headers['x-log-position'];
    // projects enter the portfolio through a process manager, after their submission: wait until all ten have
    for (let attempt = 0; ; attempt++) {
      const all = await list({ limit: '100' });
      if (all.body.items.length === plan.length) break;
      if (attempt > 100) throw new Error(`only ${all.body.items.length} projects entered the portfolio`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => t?.close());

  it("carries each project's current score: the highest over its forums, null when unscored", async () => {
    const rows = (await list({ limit: '100' })).body.items as Row[];
    const byName = Object.fromEntries(rows.map((r) => [r.title, r.score?.normalised ?? null]));
    expect(byName).toEqual({
      top: '100.00',
      both: '81.25',
      good: '75.00',
      middle: '50.00',
      'middle-too': '50.00',
      fractional: '43.75',
      bottom: '0.00',
      'retired-only': null,
      'unscored-1': null,
      'unscored-2': null,
    });
    const both = rows.find((r) => r.title === 'both')!;
    expect(both.score).toMatchObject({ forumId: 'board-b', modelVersion: 1, numerator: 17, denominator: 4 });
  });

  it('sorts by score, highest first by default, unscored last in either direction', async () => {
    const desc = (await list({ sort: 'score', limit: '100' })).body.items as Row[];
    expect(desc.map((r) => r.proposalId)).toEqual(expectedOrder(desc, 'desc'));
    expect(desc.slice(0, 7).map((r) => r.title)).toEqual(['top', 'both', 'good', ...[ids.middle, ids['middle-too']].sort().reverse().map((id) => (id === ids.middle ? 'middle' : 'middle-too')), 'fractional', 'bottom']);
    expect(desc.slice(7).every((r) => r.score === null)).toBe(true);

    const asc = (await list({ sort: 'score', direction: 'asc', limit: '100' })).body.items as Row[];
    expect(asc.map((r) => r.proposalId)).toEqual(expectedOrder(asc, 'asc'));
    expect(asc[0].title).toBe('bottom');
    expect(asc.slice(7).every((r) => r.score === null)).toBe(true);
  });

  it('filters by minScore and maxScore, inclusive, exactly in hundredths', async () => {
    const titles = async (query: Record<string, string>) => ((await list({ sort: 'score', limit: '100', ...query })).body.items as Row[]).map((r) => r.title);
    expect(await titles({ minScore: '50', maxScore: '81.25' })).toEqual(['both', 'good', ...(ids.middle > ids['middle-too'] ? ['middle', 'middle-too'] : ['middle-too', 'middle'])]);
    expect(await titles({ minScore: '43.75' })).toContain('fractional');
    expect(await titles({ minScore: '43.76' })).not.toContain('fractional');
    expect(await titles({ maxScore: '43.75' })).toEqual(['fractional', 'bottom']);
    // 'both' scored 0.00 in one forum, but its score is its highest
    expect(await titles({ maxScore: '0' })).toEqual(['bottom']);
    expect(await titles({ minScore: '100.00' })).toEqual(['top']);
    expect(await titles({ minScore: '0' })).toHaveLength(7);
    // with another sort, too
    expect((await titles({ sort: 'title', direction: 'asc', minScore: '75' }))).toEqual(['both', 'good', 'top']);
  });

  it('walks the pages without duplicates or gaps, across ties and the scored/unscored boundary', async () => {
    for (const direction of ['desc', 'asc'] as const) {
      const whole = (await list({ sort: 'score', direction, limit: '100' })).body.items as Row[];
      for (const limit of ['1', '2', '3', '4']) {
        const walked = await walk({ sort: 'score', direction, limit });
        expect(walked.map((r) => r.proposalId)).toEqual(whole.map((r) => r.proposalId));
        expect(new Set(walked.map((r) => r.proposalId)).size).toBe(10);
      }
      const filtered = await walk({ sort: 'score', direction, limit: '2', minScore: '40', maxScore: '90' });
      expect(filtered.map((r) => r.title).sort()).toEqual(['both', 'fractional', 'good', 'middle', 'middle-too']);
    }
  });

  it('answers bad values with a 400 problem naming the field', async () => {
    for (const minScore of ['101', '100.01', 'abc', '50.123', '-1', '1e2', '', ' 5', '0x10']) {
      expectProblem(await http().get('/v1/portfolio').query({ minScore }).set(scoreville), 400, ['minScore']);
    }
    expectProblem(await http().get('/v1/portfolio').query({ maxScore: '50,5' }).set(scoreville), 400, ['maxScore']);
    expectProblem(await http().get('/v1/portfolio').query({ minScore: '60', maxScore: '59.99' }).set(scoreville), 400, ['minScore']);
    expectProblem(await http().get('/v1/portfolio').query({ sort: 'scores' }).set(scoreville), 400, ['sort']);
    const byTitle = await list({ sort: 'title', limit: '2' });
    expectProblem(await http().get('/v1/portfolio').query({ sort: 'score', cursor: byTitle.body.nextCursor }).set(scoreville), 400, ['cursor']);
    const fractional = Buffer.from(JSON.stringify([50.5, ids.middle])).toString('base64url');
    expectProblem(await http().get('/v1/portfolio').query({ sort: 'score', cursor: fractional }).set(scoreville), 400, ['cursor']);
  });

  it("shows another organisation none of it", async () => {
    expect((await ok(http().get('/v1/portfolio').query({ sort: 'score' }).set(elsewhere), 200)).body.items).toEqual([]);
  });

  it('gives the identical answer after rebuilding the read models from the log', async () => {
    const before = await Promise.all([
      list({ sort: 'score', limit: '100' }),
      list({ sort: 'score', direction: 'asc', limit: '3' }),
      list({ minScore: '50', limit: '100' }),
    ]);
    const runtime = t.app.get(ProjectionRuntime);
    await runtime.rebuild('portfolio_scores');
    await runtime.rebuild('portfolio_projects');
    const after = await Promise.all([
      list({ sort: 'score', limit: '100' }),
      list({ sort: 'score', direction: 'asc', limit: '3' }),
      list({ minScore: '50', limit: '100' }),
    ]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
  });
});
