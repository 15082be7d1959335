import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import { InvalidScoreSet } from './errors.js';
import { HERNING_DEFAULT_MODEL } from './herning-default-model.js';
import type { Assessor } from './score-set.js';
import { scorecardDecider } from './scorecard-decider.js';
import type { OpenScorecard } from './scorecard-state.js';
import {
  DEPARTMENT,
  FORUM,
  FORUM_ID,
  herningScores,
  herningVersion,
  PROGRAMME_OFFICE,
  PROPOSAL_ID,
  recordScoreSet,
  scoreSetRecorded,
} from './testing/fixtures.js';

const given = deciderSpec(scorecardDecider);
const ONE_TO_FIVE = 'must be a whole number from 1 to 5';

describe('RecordScoreSet', () => {
  it("opens the scorecard with the department's self-assessment", () => {
    const recorded = scoreSetRecorded(herningScores(5, 3, 4, 2), { rationale: 'Required by the new act' });
    const state = given([])
      .when(recordScoreSet(herningScores(5, 3, 4, 2), { rationale: 'Required by the new act' }))
      .then([recorded]);
    const { proposalId: _proposalId, forumId: _forumId, ...scoreSet } = recorded.data;
    expect(state).toEqual({
      status: 'open',
      proposalId: PROPOSAL_ID,
      forumId: FORUM_ID,
      latestByAssessor: { department: { ...scoreSet, sequence: 1 } },
      history: [{ ...scoreSet, sequence: 1 }],
    });
  });

  it("keeps the department's and the forum's assessments side by side, and every earlier one in history", () => {
    const state = given([
      scoreSetRecorded(herningScores(3, 3, 3, 3)),
      scoreSetRecorded(herningScores(2, 2, 2, 2), { assessor: FORUM }),
    ])
      .when(recordScoreSet(herningScores(4, 3, 3, 3)))
      .then([scoreSetRecorded(herningScores(4, 3, 3, 3))]) as OpenScorecard;
    expect(state.latestByAssessor.department).toMatchObject({ scores: herningScores(4, 3, 3, 3), sequence: 3 });
    expect(state.latestByAssessor.forum).toMatchObject({ scores: herningScores(2, 2, 2, 2), sequence: 2 });
    expect(state.latestByAssessor.programme_office).toBeUndefined();
    expect(state.history.map((s) => [s.assessor.kind, s.scores.legal_requirement])).toEqual([
      ['department', 3],
      ['forum', 2],
      ['department', 4],
    ]);
  });

  it('records the scores in model order, whatever order they came in', () => {
    const reversed = Object.fromEntries(Object.entries(herningScores(1, 2, 3, 4)).reverse());
    const [event] = scorecardDecider.decide(recordScoreSet(reversed), scorecardDecider.initialState());
    expect(Object.keys(event.data.scores)).toEqual(HERNING_DEFAULT_MODEL.criteria.map((c) => c.id));
  });

  it('records nothing when the same assessor repeats its latest assessment', () => {
    given([scoreSetRecorded(herningScores(3, 3, 3, 3), { assessor: PROGRAMME_OFFICE, rationale: 'Checked' })])
      .when(recordScoreSet(herningScores(3, 3, 3, 3), { assessor: PROGRAMME_OFFICE, rationale: 'Checked' }))
      .then([]);
  });

  it('records a repeat made against a newer model version', () => {
    given([scoreSetRecorded(herningScores(3, 3, 3, 3))])
      .when(recordScoreSet(herningScores(3, 3, 3, 3), { model: herningVersion(2) }))
      .then([scoreSetRecorded(herningScores(3, 3, 3, 3), { modelVersion: 2 })]);
  });

  it('treats a blank rationale as none', () => {
    given([]).when(recordScoreSet(herningScores(3, 3, 3, 3), { rationale: '  ' })).then([scoreSetRecorded(herningScores(3, 3, 3, 3))]);
  });

  it.each<[string, Record<string, number>, InvalidScoreSet]>([
    [
      'a missing criterion',
      { legal_requirement: 5, faces_citizens_or_businesses: 3, expected_economic_gain: 2 },
      new InvalidScoreSet('scores.gain_for_the_business', 'is missing: every criterion must be scored'),
    ],
    ['a score above the scale', herningScores(5, 6, 4, 2), new InvalidScoreSet('scores.faces_citizens_or_businesses', ONE_TO_FIVE)],
    ['a score below the scale', herningScores(0, 3, 4, 2), new InvalidScoreSet('scores.legal_requirement', ONE_TO_FIVE)],
    ['a fractional score', herningScores(5, 3, 3.5, 2), new InvalidScoreSet('scores.gain_for_the_business', ONE_TO_FIVE)],
    [
      'a criterion the model does not have',
      { ...herningScores(5, 3, 4, 2), strategic_fit: 3 },
      new InvalidScoreSet('scores.strategic_fit', 'is not a criterion of model herning-importance version 1'),
    ],
  ])('refuses %s, naming the criterion', (_, scores, error) => {
    given([]).when(recordScoreSet(scores)).then(error);
  });

  it('refuses a score that is not a number', () => {
    const scores = { ...herningScores(5, 3, 4, 2), expected_economic_gain: '2' as unknown as number };
    given([]).when(recordScoreSet(scores)).then(new InvalidScoreSet('scores.expected_economic_gain', ONE_TO_FIVE));
  });

  it.each<[string, Assessor, InvalidScoreSet]>([
    [
      'an unknown assessor kind',
      { kind: 'mayor' as 'forum', subject: 'x' },
      new InvalidScoreSet('assessor.kind', 'must be one of department, forum, programme_office'),
    ],
    ['a blank assessor', { kind: 'department', subject: ' ' }, new InvalidScoreSet('assessor.subject', 'must not be empty')],
  ])('refuses %s', (_, assessor, error) => {
    given([]).when(recordScoreSet(herningScores(3, 3, 3, 3), { assessor })).then(error);
  });

  it("refuses another forum's model", () => {
    const model = { ...herningVersion(), forumId: 'directorate' };
    given([])
      .when(recordScoreSet(herningScores(3, 3, 3, 3), { model }))
      .then(new InvalidScoreSet('model', `model herning-importance belongs to forum directorate, not ${FORUM_ID}`));
  });

  it("refuses a score set meant for another proposal's scorecard", () => {
    const command = recordScoreSet(herningScores(3, 3, 3, 3));
    given([scoreSetRecorded(herningScores(3, 3, 3, 3))])
      .when({ ...command, data: { ...command.data, proposalId: 'proposal-2' } })
      .then(new InvalidScoreSet('proposalId', `this scorecard is for proposal ${PROPOSAL_ID} in forum ${FORUM_ID}`));
  });

  it('validates against the version given: a revised scale accepts what the old one refused', () => {
    const wider = herningVersion(2, {
      ...HERNING_DEFAULT_MODEL,
      criteria: HERNING_DEFAULT_MODEL.criteria.map((c) => ({ ...c, scale: { min: 0, max: 10 } })),
    });
    given([]).when(recordScoreSet(herningScores(0, 7, 10, 3))).then(new InvalidScoreSet('scores.legal_requirement', ONE_TO_FIVE));
    given([])
      .when(recordScoreSet(herningScores(0, 7, 10, 3), { model: wider, assessor: DEPARTMENT }))
      .then([scoreSetRecorded(herningScores(0, 7, 10, 3), { modelVersion: 2 })]);
  });
});
