import { describe, expect, it } from '@jest/globals';
import type { ProjectionRuntime } from '../../../projections/index.js';
import type { ForumPortfolio, ForumPortfolioReader } from './forum-portfolio.reader.js';
import { ForumPortfolioPages } from './forum-portfolio.pages.js';

const row = (i: number) => ({ proposalId: `p${i}`, title: `Request ${i}` }) as unknown as ForumPortfolio['unprioritised'][number];

/** A forum with five prioritised and two unprioritised requests and meetings on the 1st and the 3rd of March. */
function portfolio(title: string): ForumPortfolio {
  return {
    forumId: 'f1',
    scoringModel: null,
    prioritised: [1, 2, 3, 4, 5].map((i) => ({ ...row(i), title: `${title} ${i}`, rank: i, weightedScore: '4.00' })),
    unprioritised: [6, 7].map(row),
    pools: [],
    upcomingMeetings: [
      { meetingId: 'm1', startsAt: '2027-03-01T14:00:00+01:00' },
      { meetingId: 'm2', startsAt: '2027-03-03T14:00:00+01:00' },
    ],
  };
}

/** The pages over a read model whose contents and positions the test moves by hand. */
function pagesOver(state: { positions: string; portfolio: ForumPortfolio; reads: number }) {
  const reader = { read: async () => (state.reads++, state.portfolio) } as unknown as ForumPortfolioReader;
  const runtime = { positionsOf: async () => state.positions } as unknown as ProjectionRuntime;
  return new ForumPortfolioPages(reader, runtime);
}

const parse = (body: Buffer) => JSON.parse(body.toString('utf8'));

describe('ForumPortfolioPages', () => {
  const request = (offset: number, limit: number, now: string) => ({ organisationId: 'o1', forumId: 'f1', offset, limit, now: new Date(now) });

  it('answers a repeated page from the view it derived once, and pages through the prioritised then the unprioritised requests', async () => {
    const state = { positions: 'a', portfolio: portfolio('First'), reads: 0 };
    const pages = pagesOver(state);
    const first = await pages.page(request(0, 3, '2027-02-01T00:00:00Z'));
    expect(parse(first.body).prioritised.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    expect(first.nextOffset).toBe(3);
    const again = await pages.page(request(0, 3, '2027-02-01T00:00:00Z'));
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.etag).toBe(first.etag);
    const second = parse((await pages.page(request(3, 3, '2027-02-01T00:00:00Z'))).body);
    expect(second.prioritised.map((r: { rank: number }) => r.rank)).toEqual([4, 5]);
    expect(second.unprioritised.map((r: { proposalId: string }) => r.proposalId)).toEqual(['p6']);
    expect(state.reads).toBe(1);
  });

  it('drops a meeting from the page once it has started, with a new ETag', async () => {
    const pages = pagesOver({ positions: 'a', portfolio: portfolio('First'), reads: 0 });
    const before = await pages.page(request(0, 50, '2027-02-01T00:00:00Z'));
    const between = await pages.page(request(0, 50, '2027-03-02T00:00:00Z'));
    expect(parse(before.body).upcomingMeetings.map((m: { meetingId: string }) => m.meetingId)).toEqual(['m1', 'm2']);
    expect(parse(between.body).upcomingMeetings.map((m: { meetingId: string }) => m.meetingId)).toEqual(['m2']);
    expect(between.etag).not.toBe(before.etag);
  });

  it('derives the view again once a read model it comes from has moved', async () => {
    const state = { positions: 'a', portfolio: portfolio('First'), reads: 0 };
    const pages = pagesOver(state);
    const old = await pages.page(request(0, 2, '2027-02-01T00:00:00Z'));
    state.portfolio = portfolio('Amended');
    expect((await pages.page(request(0, 2, '2027-02-01T00:00:00Z'))).body.equals(old.body)).toBe(true);
    state.positions = 'b';
    const fresh = await pages.page(request(0, 2, '2027-02-01T00:00:00Z'));
    expect(parse(fresh.body).prioritised[0].title).toBe('Amended 1');
    expect(fresh.etag).not.toBe(old.etag);
  });
});
