import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { draft, expectProblem, SUBMITTABLE } from '../support/proposals.js';

interface Item {
  id: string;
  title: string;
  departmentId: string;
  status: string;
  classification: string;
  developmentCost: { amountMinor: number; currency: string } | null;
  createdAt: string;
  updatedAt: string;
}

type Sort = 'createdAt' | 'updatedAt' | 'title' | 'developmentCost';
type Direction = 'asc' | 'desc';
const SORTS: Sort[] = ['createdAt', 'updatedAt', 'title', 'developmentCost'];
const DEPARTMENTS = ['it', 'social', 'culture'];
const herning = actorHeaders('anna@herning.dk', 'herning');
const viborg = actorHeaders('vera@viborg.dk', 'viborg');

/** The order the list promises: by the sort field (an unstated cost last either way), then by id, both in `direction`. */
function compare(sort: Sort, direction: Direction) {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (i: Item) => (sort === 'developmentCost' ? (i.developmentCost?.amountMinor ?? null) : i[sort]);
  return (a: Item, b: Item): number => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return (va < vb ? -1 : 1) * sign;
    }
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

function nextLink(res: request.Response): string | null {
  const link = res.headers.link as string | undefined;
  if (!link) return null;
  const m = /^<([^>]+)>;\s*rel="next"$/.exec(link);
  if (!m) throw new Error(`unexpected Link header: ${link}`);
  return m[1];
}

describe('GET /v1/proposals', () => {
  let t: TestApp;
  const http = () => request(t.server);
  /** What herning drafted, with the list's own view of each once all writes are in. */
  let all: Item[] = [];
  let viborgIds: string[] = [];
  let lastPosition = '';

  /** Walks every page by following `Link: rel="next"`, checking each page against the limit. */
  async function walk(query: string, limit: number, headers = herning): Promise<Item[]> {
    const items: Item[] = [];
    let url: string | null = `/v1/proposals?${query}${query ? '&' : ''}limit=${limit}`;
    let pages = 0;
    while (url) {
      const res = await http().get(url).set(headers);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text}`);
      expect(res.body.limit).toBe(limit);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      const link = nextLink(res);
      expect(link === null).toBe(res.body.nextCursor === null);
      if (link) {
        expect(res.body.items).toHaveLength(limit);
        expect(new URL(link, 'http://x').searchParams.get('cursor')).toBe(res.body.nextCursor);
      }
      items.push(...res.body.items);
      url = link;
      if (++pages > 200) throw new Error('pagination does not end');
    }
    return items;
  }

  beforeAll(async () => {
    t = await startTestApp('e2e_list');
    // 25 proposals: titles in another order than creation, three departments, costs with ties and gaps,
    // some submitted, some withdrawn, some portfolio projects
    for (let i = 0; i < 25; i++) {
      const submitted = i % 4 === 1;
      const body: Record<string, unknown> = {
        title: `Proposal ${String((i * 7) % 25).padStart(2, '0')}`,
        departmentId: DEPARTMENTS[i % 3],
        ...(submitted && { need: SUBMITTABLE.need, systemOwner: SUBMITTABLE.systemOwner, businessValue: SUBMITTABLE.businessValue }),
        ...(i % 5 !== 0 || submitted ? { investment: { developmentCost: { amountMinor: (i % 4) * 10_000_000 + 1_000_000, currency: 'DKK' } } } : {}),
        ...(i % 3 === 0 && { estimatedHours: 400 }),
      };
      const created = await draft(t, body, herning);
      lastPosition = created.headers['x-log-position'];
      if (submitted) {
        lastPosition = (await http().post(`/v1/proposals/${created.body.id}/submit`).set(herning).expect(200)).headers['x-log-position'];
      } else if (i % 6 === 2) {
        lastPosition = (await http().post(`/v1/proposals/${created.body.id}/withdraw`).set(herning).send({ reason: 'Not needed' }).expect(200)).headers['x-log-position'];
      }
    }
    for (let i = 0; i < 3; i++) {
      const created = await draft(t, { title: `Viborg ${i}`, departmentId: 'it' }, viborg);
      viborgIds.push(created.body.id);
      lastPosition = created.headers['x-log-position'];
    }
    const res = await http().get('/v1/proposals?limit=100').set(herning).set('X-Min-Position', lastPosition).expect(200);
    all = res.body.items;
  });
  afterAll(async () => t?.close());

  const ids = (items: readonly Item[]) => items.map((i) => i.id);
  const sortedIds = (items: readonly Item[]) => ids(items).sort();

  it('lists the organisation\'s proposals, newest first, 20 to a page by default', async () => {
    expect(all).toHaveLength(25);
    expect(new Set(ids(all)).size).toBe(25);
    expect(ids(all)).toEqual(ids([...all].sort(compare('createdAt', 'desc'))));
    expect(all.filter((i) => i.status === 'submitted')).toHaveLength(6);
    expect(all.filter((i) => i.status === 'withdrawn')).toHaveLength(4);

    const res = await http().get('/v1/proposals').set(herning);
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(20);
    expect(ids(res.body.items)).toEqual(ids(all).slice(0, 20));
    expect(res.body.nextCursor).toEqual(expect.any(String));
    expect(res.headers.link).toMatch(/^<\/v1\/proposals\?cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    // the newest is the 25th drafted: "Proposal 18", IT, DKK 10,000, 400 hours, still a draft
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      title: 'Proposal 18',
      departmentId: 'it',
      status: 'draft',
      classification: 'portfolio_project',
      criteriaMet: ['hours_above_threshold'],
      developmentCost: { amountMinor: 1_000_000, currency: 'DKK' },
      yearlyOperationsCost: null,
      investmentArea: null,
      legalRequirement: false,
      estimatedHours: 400,
      plannedStart: null,
      plannedEnd: null,
      version: 1,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      submittedAt: null,
      withdrawnAt: null,
    });
  });

  it('walks all proposals exactly once, 7 to a page, by following Link: rel="next"', async () => {
    const res = await http().get('/v1/proposals?limit=7').set(herning);
    expect(res.headers.link).toMatch(/^<\/v1\/proposals\?limit=7&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    const walked = await walk('', 7);
    expect(ids(walked)).toEqual(ids(all));
    expect(new Set(ids(walked)).size).toBe(25);
  });

  it('ends with a last page that has no next link', async () => {
    const res = await http().get('/v1/proposals?limit=25').set(herning);
    expect(res.body.items).toHaveLength(25);
    expect(res.body.nextCursor).toBeNull();
    expect(res.headers.link).toBeUndefined();
  });

  describe('filters', () => {
    const byStatus = (...statuses: string[]) => all.filter((i) => statuses.includes(i.status));

    it.each([
      ['one status', 'status=submitted', ['submitted']],
      ['comma-separated statuses', 'status=draft,withdrawn', ['draft', 'withdrawn']],
      ['repeated statuses', 'status=draft&status=withdrawn', ['draft', 'withdrawn']],
      ['spaces around statuses', 'status=%20submitted%20,%20withdrawn', ['submitted', 'withdrawn']],
    ])('by %s', async (_name, query, statuses) => {
      const res = await http().get(`/v1/proposals?${query}&limit=100`).set(herning);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual(ids(byStatus(...statuses)));
      expect(res.body.items.length).toBeGreaterThan(0);
    });

    it('by department, one or several, and together with a status', async () => {
      const social = await http().get('/v1/proposals?departmentId=social&limit=100').set(herning);
      expect(ids(social.body.items)).toEqual(ids(all.filter((i) => i.departmentId === 'social')));
      const two = await http().get('/v1/proposals?departmentId=social,culture&limit=100').set(herning);
      expect(ids(two.body.items)).toEqual(ids(all.filter((i) => i.departmentId !== 'it')));
      const repeated = await http().get('/v1/proposals?departmentId=social&departmentId=culture&limit=100').set(herning);
      expect(ids(repeated.body.items)).toEqual(ids(two.body.items));
      const both = await http().get('/v1/proposals?departmentId=it&status=submitted&limit=100').set(herning);
      expect(ids(both.body.items)).toEqual(ids(all.filter((i) => i.departmentId === 'it' && i.status === 'submitted')));
      expect(both.body.items.length).toBeGreaterThan(0);
      const none = await http().get('/v1/proposals?departmentId=nowhere').set(herning);
      expect(none.body).toEqual({ items: [], nextCursor: null, limit: 20 });
    });

    it('by classification', async () => {
      const projects = await http().get('/v1/proposals?classification=portfolio_project&limit=100').set(herning);
      expect(ids(projects.body.items)).toEqual(ids(all.filter((i) => i.classification === 'portfolio_project')));
      expect(projects.body.items).toHaveLength(9);
      const operations = await http().get('/v1/proposals?classification=ordinary_operations&limit=100').set(herning);
      expect(operations.body.items).toHaveLength(16);
    });

    it('never lists another organisation\'s proposals', async () => {
      expect(ids(all)).not.toEqual(expect.arrayContaining([viborgIds[0]]));
      for (const id of viborgIds) expect(ids(all)).not.toContain(id);
      const theirs = await http().get('/v1/proposals?limit=100').set(viborg);
      expect(sortedIds(theirs.body.items)).toEqual([...viborgIds].sort());
      const filtered = await http().get('/v1/proposals?departmentId=it&limit=100').set(viborg);
      expect(sortedIds(filtered.body.items)).toEqual([...viborgIds].sort());
    });
  });

  describe('sorting', () => {
    const combos = SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => [sort, direction] as const));

    it.each(combos)('by %s %s, on one page and across pages of 7', async (sort, direction) => {
      const res = await http().get(`/v1/proposals?sort=${sort}&direction=${direction}&limit=100`).set(herning);
      expect(res.status).toBe(200);
      const items = res.body.items as Item[];
      expect(sortedIds(items)).toEqual(sortedIds(all));
      expect(ids(items)).toEqual(ids([...items].sort(compare(sort, direction))));
      expect(await walk(`sort=${sort}&direction=${direction}`, 7).then(ids)).toEqual(ids(items));
    });

    it('puts proposals without a cost last in either direction', async () => {
      for (const direction of ['asc', 'desc']) {
        const res = await http().get(`/v1/proposals?sort=developmentCost&direction=${direction}&limit=100`).set(herning);
        const costs = (res.body.items as Item[]).map((i) => i.developmentCost?.amountMinor ?? null);
        expect(costs.slice(-4)).toEqual([null, null, null, null]);
        expect(costs.slice(0, -4)).not.toContain(null);
      }
    });

    it('sorts ascending by title in the order a reader expects', async () => {
      const res = await http().get('/v1/proposals?sort=title&direction=asc&limit=3').set(herning);
      expect((res.body.items as Item[]).map((i) => i.title)).toEqual(['Proposal 00', 'Proposal 01', 'Proposal 02']);
    });
  });

  it('pages through any sort, direction, filter and page size without losing or repeating a proposal (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SORTS),
        fc.constantFrom<Direction>('asc', 'desc'),
        fc.integer({ min: 1, max: 12 }),
        fc.subarray(['draft', 'submitted', 'withdrawn'] as const),
        async (sort, direction, limit, statuses) => {
          const query = [`sort=${sort}`, `direction=${direction}`, ...(statuses.length ? [`status=${statuses.join(',')}`] : [])].join('&');
          const expected = all.filter((i) => statuses.length === 0 || (statuses as readonly string[]).includes(i.status)).sort(compare(sort, direction));
          const walked = await walk(query, limit);
          expect(ids(walked)).toEqual(ids(expected));
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('invalid query values', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=101', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=many', 'limit'],
      ['status=unknown', 'status'],
      ['status=draft,approved', 'status'],
      ['sort=unknown', 'sort'],
      ['sort=id', 'sort'],
      ['direction=sideways', 'direction'],
      ['classification=huge', 'classification'],
      ['cursor=not!a!cursor', 'cursor'],
      ['cursor=bm90IGEgY3Vyc29y', 'cursor'],
      ['colour=blue', 'colour'],
    ])('?%s is 400 naming %s', async (query, field) => {
      expectProblem(await http().get(`/v1/proposals?${query}`).set(herning), 400, [field]);
    });

    it('answers 400 to a cursor used with another sort or direction than it was issued for', async () => {
      const first = await http().get('/v1/proposals?sort=title&direction=asc&limit=5').set(herning);
      const cursor = first.body.nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      expectProblem(await http().get(`/v1/proposals?sort=createdAt&direction=asc&limit=5&cursor=${cursor}`).set(herning), 400, ['cursor']);
      expectProblem(await http().get(`/v1/proposals?sort=title&direction=desc&limit=5&cursor=${cursor}`).set(herning), 400, ['cursor']);
      const ok = await http().get(`/v1/proposals?sort=title&direction=asc&limit=5&cursor=${cursor}`).set(herning);
      expect(ok.status).toBe(200);
    });
  });

  describe('read-your-writes with X-Min-Position', () => {
    const ringsted = actorHeaders('rita@ringsted.dk', 'ringsted');

    it('lists a proposal, an amendment and a withdrawal right after each write', async () => {
      const created = await draft(t, { title: 'Fresh', departmentId: 'it' }, ringsted);
      const id = created.body.id;
      const listed = await http().get('/v1/proposals').set(ringsted).set('X-Min-Position', created.headers['x-log-position']);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id, title: 'Fresh', status: 'draft', version: 1 })]);

      const amended = await http().patch(`/v1/proposals/${id}`).set(ringsted).set('If-Match', '"1"').send({ title: 'Fresher' }).expect(200);
      const afterAmend = await http().get('/v1/proposals').set(ringsted).set('X-Min-Position', amended.headers['x-log-position']);
      expect(afterAmend.body.items).toEqual([expect.objectContaining({ id, title: 'Fresher', version: 2 })]);

      const withdrawn = await http().post(`/v1/proposals/${id}/withdraw`).set(ringsted).send({ reason: 'Merged' }).expect(200);
      const afterWithdraw = await http().get('/v1/proposals?status=withdrawn').set(ringsted).set('X-Min-Position', withdrawn.headers['x-log-position']);
      expect(afterWithdraw.body.items).toEqual([expect.objectContaining({ id, status: 'withdrawn', withdrawnAt: withdrawn.body.withdrawnAt })]);
    });

    it.each(['abc', '12', '1.2.3', '-1.1', ' . '])('answers 400 to the malformed X-Min-Position %p', async (position) => {
      expectProblem(await http().get('/v1/proposals').set(herning).set('X-Min-Position', position), 400, ['X-Min-Position']);
    });
  });
});
