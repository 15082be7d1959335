import { describe, expect, it } from '@jest/globals';
import type { EstablishForum } from './commands.js';
import type { DecisionRule } from './decision-rule.js';
import { ForumAlreadyExists, ForumNotFound, InvalidForum } from './errors.js';
import type { Mandate } from './mandate.js';
import {
  amendMandate,
  changeDecisionRule,
  decisionRuleChanged,
  dkk,
  establishedData,
  establishForum,
  FORUM_ID,
  forumEstablished,
  given,
  mandateAmended,
  SIMPLE_MAJORITY,
  STEERING_GROUP_MANDATE,
} from './testing/fixtures.js';

describe('EstablishForum', () => {
  it('establishes a forum with its mandate, decision rule and parent, and no members yet', () => {
    const state = given([]).when(establishForum()).then([forumEstablished()]);
    expect(state).toEqual({ status: 'established', ...establishedData, memberships: [] });
  });

  it('a forum without a parent records null', () => {
    given([]).when(establishForum({ parentForumId: undefined })).then([forumEstablished({ parentForumId: null })]);
  });

  it('records the mandate with its lists in a fixed order', () => {
    const mandate: Mandate = {
      investmentAreas: ['digital_workplace', 'service_to_citizens_and_businesses'],
      departmentIds: ['social', 'children'],
      decisionKinds: ['close', 'approve'],
      maximumAmount: null,
    };
    given([])
      .when(establishForum({ mandate }))
      .then([
        forumEstablished({
          mandate: {
            investmentAreas: ['service_to_citizens_and_businesses', 'digital_workplace'],
            departmentIds: ['children', 'social'],
            decisionKinds: ['approve', 'close'],
            maximumAmount: null,
          },
        }),
      ]);
  });

  it('records only the fields a decision rule has', () => {
    const withExtras = { ...SIMPLE_MAJORITY, threshold: { numerator: 2, denominator: 3 }, note: 'x' } as unknown as DecisionRule;
    given([]).when(establishForum({ decisionRule: withExtras })).then([forumEstablished()]);
  });

  it('refuses to establish a forum that already exists', () => {
    given([forumEstablished()]).when(establishForum()).then(new ForumAlreadyExists(FORUM_ID));
  });

  const qualified = (numerator: number, denominator: number): DecisionRule => ({
    kind: 'qualified_majority',
    threshold: { numerator, denominator },
    quorum: { kind: 'count', count: 3 },
  });

  it.each<[string, Partial<EstablishForum['data']>, InvalidForum]>([
    ['a blank name', { name: ' ' }, new InvalidForum('name', 'must not be empty')],
    ['a blank organisation', { organisationId: '' }, new InvalidForum('organisationId', 'must not be empty')],
    [
      'an unknown kind',
      { kind: 'council' as 'board' },
      new InvalidForum('kind', 'must be one of steering_group, directorate, board, general_assembly, subject_group, joint_directors_meeting'),
    ],
    ['itself as parent', { parentForumId: FORUM_ID }, new InvalidForum('parentForumId', 'a forum cannot be its own parent')],
    ['a blank parent', { parentForumId: ' ' }, new InvalidForum('parentForumId', 'must not be empty')],
    [
      'an unknown investment area',
      { mandate: { ...STEERING_GROUP_MANDATE, investmentAreas: ['roads' as 'digital_workplace'] } },
      new InvalidForum(
        'mandate.investmentAreas.0',
        'must be one of service_to_citizens_and_businesses, digital_workplace, modernisation_of_systems_and_architecture',
      ),
    ],
    [
      'a blank department',
      { mandate: { ...STEERING_GROUP_MANDATE, departmentIds: ['social', ''] } },
      new InvalidForum('mandate.departmentIds.1', 'must not be empty'),
    ],
    [
      'a decision kind listed twice',
      { mandate: { ...STEERING_GROUP_MANDATE, decisionKinds: ['approve', 'reject', 'approve'] } },
      new InvalidForum('mandate.decisionKinds', 'lists approve more than once'),
    ],
    [
      'an unknown decision kind',
      { mandate: { ...STEERING_GROUP_MANDATE, decisionKinds: ['fund' as 'approve'] } },
      new InvalidForum('mandate.decisionKinds.0', 'must be one of approve, reject, defer, request_changes, escalate, reprioritise, close'),
    ],
    [
      'a fractional maximum',
      { mandate: { ...STEERING_GROUP_MANDATE, maximumAmount: { amountMinor: 0.5, currency: 'DKK' } } },
      new InvalidForum('mandate.maximumAmount.amountMinor', 'must be a non-negative whole number of minor units (øre)'),
    ],
    [
      'a negative maximum',
      { mandate: { ...STEERING_GROUP_MANDATE, maximumAmount: dkk(-1) } },
      new InvalidForum('mandate.maximumAmount.amountMinor', 'must be a non-negative whole number of minor units (øre)'),
    ],
    [
      'a maximum in an unknown currency',
      { mandate: { ...STEERING_GROUP_MANDATE, maximumAmount: { amountMinor: 1, currency: 'SEK' as 'DKK' } } },
      new InvalidForum('mandate.maximumAmount.currency', 'must be one of DKK, NOK, EUR'),
    ],
    [
      'an unknown decision method',
      { decisionRule: { ...SIMPLE_MAJORITY, kind: 'lottery' as 'unanimity' } },
      new InvalidForum('decisionRule.kind', 'must be one of simple_majority, qualified_majority, unanimity, consensus'),
    ],
    [
      'a qualified majority of one half',
      { decisionRule: qualified(1, 2) },
      new InvalidForum('decisionRule.threshold', 'must be whole numbers with 1/2 < numerator/denominator <= 1'),
    ],
    [
      'a qualified majority above all',
      { decisionRule: qualified(4, 3) },
      new InvalidForum('decisionRule.threshold', 'must be whole numbers with 1/2 < numerator/denominator <= 1'),
    ],
    [
      'a fractional threshold',
      { decisionRule: qualified(1.5, 2) },
      new InvalidForum('decisionRule.threshold', 'must be whole numbers with 1/2 < numerator/denominator <= 1'),
    ],
    [
      'a quorum of no one',
      { decisionRule: { kind: 'consensus', quorum: { kind: 'count', count: 0 } } },
      new InvalidForum('decisionRule.quorum.count', 'must be a whole number of members, at least 1'),
    ],
    [
      'a quorum fraction with a zero denominator',
      { decisionRule: { kind: 'unanimity', quorum: { kind: 'fraction', numerator: 0, denominator: 0 } } },
      new InvalidForum('decisionRule.quorum', 'must be whole numbers with 0 < numerator <= denominator'),
    ],
    [
      'an unknown quorum kind',
      { decisionRule: { kind: 'unanimity', quorum: { kind: 'most' } as never } },
      new InvalidForum('decisionRule.quorum.kind', 'must be one of count, fraction'),
    ],
  ])('refuses a forum with %s', (_, overrides, error) => {
    given([]).when(establishForum(overrides)).then(error);
  });
});

describe('AmendForumMandate', () => {
  const narrower: Mandate = { ...STEERING_GROUP_MANDATE, departmentIds: ['social'], maximumAmount: dkk(500_000) };

  it('replaces the mandate whole', () => {
    const state = given([forumEstablished()]).when(amendMandate(narrower)).then([mandateAmended(narrower)]);
    expect(state).toMatchObject({ mandate: narrower });
  });

  it('records nothing when the mandate is the same, in any order', () => {
    const reordered = { ...narrower, decisionKinds: [...narrower.decisionKinds].reverse() };
    given([forumEstablished(), mandateAmended(narrower)]).when(amendMandate(reordered)).then([]);
  });

  it('refuses an invalid mandate', () => {
    given([forumEstablished()])
      .when(amendMandate({ ...narrower, departmentIds: [' '] }))
      .then(new InvalidForum('mandate.departmentIds.0', 'must not be empty'));
  });

  it('refuses to amend a forum that does not exist', () => {
    given([]).when(amendMandate(narrower)).then(new ForumNotFound(FORUM_ID));
  });
});

describe('ChangeForumDecisionRule', () => {
  const consensus: DecisionRule = { kind: 'consensus', quorum: { kind: 'count', count: 4 } };

  it('replaces the decision rule', () => {
    const state = given([forumEstablished()]).when(changeDecisionRule(consensus)).then([decisionRuleChanged(consensus)]);
    expect(state).toMatchObject({ decisionRule: consensus });
  });

  it('records nothing when the rule is the same', () => {
    given([forumEstablished()]).when(changeDecisionRule({ ...SIMPLE_MAJORITY })).then([]);
  });

  it('records nothing when the stored rule comes back with its keys reordered, as jsonb returns them', () => {
    const stored = { quorum: { count: 4, kind: 'count' }, kind: 'consensus' } as unknown as DecisionRule;
    given([forumEstablished(), decisionRuleChanged(stored)]).when(changeDecisionRule(consensus)).then([]);
  });

  it('refuses an invalid rule', () => {
    given([forumEstablished()])
      .when(changeDecisionRule({ kind: 'consensus', quorum: { kind: 'count', count: 2.5 } }))
      .then(new InvalidForum('decisionRule.quorum.count', 'must be a whole number of members, at least 1'));
  });

  it('refuses to change the rule of a forum that does not exist', () => {
    given([]).when(changeDecisionRule(consensus)).then(new ForumNotFound(FORUM_ID));
  });
});
