import { describe, expect, it } from '@jest/globals';
import { InvalidRankingEntry, InvalidScoringModel } from './errors.js';
import { HERNING_DEFAULT_MODEL } from './herning-default-model.js';
import { RANKING_RULES_VERSION, rankProposals } from './ranking.js';
import { entry, FORUM_ID, herningScores, herningVersion, MODEL_ID } from './testing/fixtures.js';

const V1 = herningVersion(1);

/** Herning's steering group, one meeting: every tie-break rule decides at least one place. */
const MEETING = [
  entry('scanner-b', herningScores(1, 1, 1, 2), { submittedAt: '2026-01-05T08:00:00Z' }),
  entry('printers', herningScores(2, 2, 2, 2), { submittedAt: '2026-01-12T08:00:00Z' }),
  entry('hr-system', null),
  entry('portal', herningScores(3, 4, 2, 3)),
  entry('digital-post', herningScores(5, 1, 1, 1)),
  entry('library', { legal_requirement: 2, faces_citizens_or_businesses: 4 }),
  entry('app', herningScores(3, 4, 3, 2)),
  entry('case-system', herningScores(4, 5, 5, 5)),
  entry('benefits-act', herningScores(5, 2, 2, 2)),
  entry('booking', herningScores(4, 3, 3, 2)),
  entry('wifi', herningScores(2, 2, 2, 2), { submittedAt: '2026-01-10T08:00:00Z' }),
  entry('scanner-a', herningScores(1, 1, 1, 2), { submittedAt: '2026-01-05T08:00:00Z' }),
];

describe("rankProposals: Herning's steering group", () => {
  const ranking = rankProposals(V1, MEETING);

  it('orders mandatory first, then by weighted score, then by each tie-break rule', () => {
    expect(ranking.rows.map((row) => [row.rank, row.proposalId, row.mandatory, row.weightedScore.normalised, row.decidedBy])).toEqual([
      [1, 'benefits-act', true, '43.75', { rule: 'first', criterionId: null }],
      [2, 'digital-post', true, '25.00', { rule: 'weighted_score', criterionId: null }],
      [3, 'case-system', false, '93.75', { rule: 'mandatory', criterionId: null }],
      [4, 'booking', false, '50.00', { rule: 'weighted_score', criterionId: null }],
      [5, 'app', false, '50.00', { rule: 'criterion', criterionId: 'legal_requirement' }],
      [6, 'portal', false, '50.00', { rule: 'criterion', criterionId: 'gain_for_the_business' }],
      [7, 'wifi', false, '25.00', { rule: 'weighted_score', criterionId: null }],
      [8, 'printers', false, '25.00', { rule: 'submitted_at', criterionId: null }],
      [9, 'scanner-a', false, '6.25', { rule: 'weighted_score', criterionId: null }],
      [10, 'scanner-b', false, '6.25', { rule: 'proposal_id', criterionId: null }],
    ]);
  });

  it('explains each place in words', () => {
    const tieBreaks = Object.fromEntries(ranking.rows.map((row) => [row.proposalId, row.tieBreak]));
    expect(tieBreaks['benefits-act']).toMatch(/^Ranked first\. Order: mandatory/);
    expect(tieBreaks['digital-post']).toBe('Weighted score 25.00 (8/4) is lower than 43.75 (11/4) for benefits-act.');
    expect(tieBreaks['case-system']).toBe(
      'Below digital-post, which is mandatory (legal_requirement "Lovkrav" scored at least 5); this proposal is not.',
    );
    expect(tieBreaks.app).toBe('Tied with booking on weighted score (50.00); lower on legal_requirement "Lovkrav": 3 against 4.');
    expect(tieBreaks.portal).toBe(
      'Tied with app on weighted score (50.00); equal on legal_requirement, faces_citizens_or_businesses; ' +
        'lower on gain_for_the_business "Gevinst for forretningen": 2 against 3.',
    );
    expect(tieBreaks.printers).toBe(
      'Same scores as wifi on every criterion; submitted later (2026-01-12T08:00:00Z, wifi at 2026-01-10T08:00:00Z).',
    );
    expect(tieBreaks['scanner-b']).toBe('Same scores and submission time as scanner-a; proposal id scanner-b sorts after scanner-a.');
  });

  it('leaves proposals without a complete score set unscored, sorted by id', () => {
    expect(ranking.unscored).toEqual(['hr-system', 'library']);
  });

  it('carries title, requested amount and the exact weighted score on each row', () => {
    expect(ranking.rows[2]).toMatchObject({
      title: 'Proposal case-system',
      requestedAmount: { amountMinor: 50_000_000, currency: 'DKK' },
      weightedScore: { numerator: 19, denominator: 4, normalised: '93.75' },
    });
  });

  it('names the basis a decision records: forum, model version, rules version and a hash of the inputs', () => {
    expect(ranking.basis).toEqual({
      forumId: FORUM_ID,
      modelId: MODEL_ID,
      modelVersion: 1,
      rulesVersion: RANKING_RULES_VERSION,
      inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe('rankProposals: tie-breaks in detail', () => {
  it('compares submission instants, not their text', () => {
    const ranking = rankProposals(V1, [
      entry('b', herningScores(2, 2, 2, 2), { submittedAt: '2026-01-10T09:30:00Z' }),
      entry('a', herningScores(2, 2, 2, 2), { submittedAt: '2026-01-10T10:00:00+01:00' }), // 09:00Z
      entry('c', herningScores(2, 2, 2, 2), { submittedAt: '2026-01-10T09:30:00.000001Z' }),
    ]);
    expect(ranking.rows.map((row) => row.proposalId)).toEqual(['a', 'b', 'c']);
    expect(ranking.rows.map((row) => row.decidedBy.rule)).toEqual(['first', 'submitted_at', 'submitted_at']);
  });

  it('orders proposal ids by code unit, not by locale', () => {
    const ids = ['b', 'B', 'æ', 'a'];
    const ranking = rankProposals(V1, ids.map((id) => entry(id, herningScores(3, 3, 3, 3))));
    expect(ranking.rows.map((row) => row.proposalId)).toEqual(['B', 'a', 'b', 'æ']);
  });

  it('marks nothing mandatory when the model has no mandatory criterion', () => {
    const model = herningVersion(2, { ...HERNING_DEFAULT_MODEL, mandatoryCriterion: null });
    const ranking = rankProposals(model, [entry('law', herningScores(5, 1, 1, 1)), entry('service', herningScores(1, 5, 5, 1))]);
    expect(ranking.rows.map((row) => [row.proposalId, row.mandatory])).toEqual([
      ['service', false],
      ['law', false],
    ]);
  });
});

describe('rankProposals: model versions', () => {
  it('a revision changes the ranking made with it, never the one made with the earlier version', () => {
    const economyFirst = herningVersion(2, {
      ...HERNING_DEFAULT_MODEL,
      criteria: HERNING_DEFAULT_MODEL.criteria.map((c) => (c.id === 'expected_economic_gain' ? { ...c, weight: 3 } : c)),
    });
    const entries = [entry('service', herningScores(3, 5, 5, 1)), entry('savings', herningScores(3, 1, 1, 5))];
    const before = rankProposals(V1, entries);
    const after = rankProposals(economyFirst, entries);
    expect(before.rows.map((row) => row.proposalId)).toEqual(['service', 'savings']);
    expect(after.rows.map((row) => row.proposalId)).toEqual(['savings', 'service']);
    expect(after.basis.modelVersion).toBe(2);
    expect(after.basis.inputsHash).not.toBe(before.basis.inputsHash);
    expect(rankProposals(V1, entries)).toEqual(before);
  });
});

describe('rankProposals: inputs hash', () => {
  const entries = [entry('a', herningScores(3, 3, 3, 3)), entry('b', null)];
  const hash = rankProposals(V1, entries).basis.inputsHash;

  it('does not depend on the order of entries or of keys', () => {
    const reordered = [
      {
        scores: null,
        title: 'Proposal b',
        requestedAmount: entries[1].requestedAmount,
        submittedAt: entries[1].submittedAt,
        proposalId: 'b',
      },
      { ...entries[0], scores: Object.fromEntries(Object.entries(entries[0].scores!).reverse()) },
    ];
    expect(rankProposals(V1, reordered).basis.inputsHash).toBe(hash);
  });

  it.each([
    ['a score', [entry('a', herningScores(3, 3, 3, 4)), entries[1]]],
    ['a title', [{ ...entries[0], title: 'Renamed' }, entries[1]]],
    ['a requested amount', [entries[0], { ...entries[1], requestedAmount: null }]],
    ['a submission time', [{ ...entries[0], submittedAt: '2026-01-15T09:00:01Z' }, entries[1]]],
    ['an unscored proposal', [entries[0]]],
  ])('changes with %s', (_, changed) => {
    expect(rankProposals(V1, changed).basis.inputsHash).not.toBe(hash);
  });

  it('changes with the model version, even when its content is the same', () => {
    expect(rankProposals(herningVersion(2), entries).basis.inputsHash).not.toBe(hash);
  });
});

describe('rankProposals: unusable input', () => {
  it('ranks nothing from nothing', () => {
    expect(rankProposals(V1, [])).toMatchObject({ rows: [], unscored: [] });
  });

  it.each([
    [
      'a duplicate proposal',
      [entry('a', null), entry('a', herningScores(3, 3, 3, 3))],
      new InvalidRankingEntry('a', 'proposalId', 'appears more than once'),
    ],
    [
      'a submission time without a zone',
      [entry('a', null, { submittedAt: '2026-01-15T09:00:00' })],
      new InvalidRankingEntry('a', 'submittedAt', 'must be an ISO 8601 date-time with seconds and a zone'),
    ],
    [
      'a score outside the scale',
      [entry('a', herningScores(3, 3, 3, 9))],
      new InvalidRankingEntry('a', 'scores.expected_economic_gain', 'must be a whole number from 1 to 5'),
    ],
    [
      'a score for a criterion the model does not have',
      [entry('a', { legal_requirement: 3, risk: 2 })],
      new InvalidRankingEntry('a', 'scores.risk', 'is not a criterion of model herning-importance version 1'),
    ],
  ])('refuses %s', (_, entries, error) => {
    expect(() => rankProposals(V1, entries)).toThrow(error);
  });

  it('refuses an invalid model', () => {
    const model = herningVersion(1, { ...HERNING_DEFAULT_MODEL, criteria: [] });
    expect(() => rankProposals(model, [])).toThrow(InvalidScoringModel);
  });
});
