import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import { collaborationDecider } from './decider.js';
import {
  CollaborationAlreadyExists,
  CollaborationIdInUse,
  CollaborationNotFound,
  InconsistentCollaborationHistory,
  InvalidCollaborationRequest,
  MembershipConflict,
  MissingMemberFigure,
  ProjectAlreadyStarted,
  ProjectNotFound,
  ProjectNotStarted,
  SettlementAlreadyIssued,
  TooFewParticipants,
  YearAlreadySettled,
} from './errors.js';
import { CollaborationEventType } from './events.js';
import { evolve } from './evolve.js';
import { feesForYear } from './fees.js';
import { participantsOn } from './membership.js';
import { settlementFor } from './settlement.js';
import { initialCollaborationState, type Collaboration } from './state.js';
import {
  COLLABORATION_ID,
  costRecorded,
  dkk,
  establish,
  established,
  feeSchemeSet,
  figureRecorded,
  FOUR_K,
  fourK,
  hoursRecorded,
  issue,
  join,
  joined,
  leave,
  left,
  optedIn,
  optedOut,
  optIn,
  optOut,
  projectRegistered,
  rateSet,
  recordCost,
  recordFigure,
  recordHours,
  registerProject,
  setFeeScheme,
  setRate,
  start,
  started,
} from './testing-fixtures.js';

const given = deciderSpec(collaborationDecider);
const fold = (events: Parameters<typeof given>[0]) => events.reduce(evolve, initialCollaborationState()) as Collaboration;
const [gentofte, gladsaxe, lyngby, rudersdal] = FOUR_K;

describe('establishing a collaboration', () => {
  it('records the administering organisation, name, legal form and currency', () => {
    given([]).when(establish()).then([established()]);
  });

  it('is established once', () => {
    given([established()]).when(establish()).then(new CollaborationAlreadyExists(COLLABORATION_ID));
  });

  it.each([
    ['a blank name', { name: ' ' }, new InvalidCollaborationRequest('name', 'must not be empty')],
    ['an unknown legal form', { legalForm: 'cooperative' as never }, new InvalidCollaborationRequest('legalForm', 'must be one of agreement, association, jointly_owned_company')],
    ['an unknown currency', { currency: 'USD' as never }, new InvalidCollaborationRequest('currency', 'must be one of DKK, NOK, EUR')],
  ])('refuses %s', (_what, overrides, error) => {
    given([]).when(establish(overrides)).then(error);
  });

  it('must exist before anything else happens to it', () => {
    given([]).when(join(gentofte)).then(new CollaborationNotFound(COLLABORATION_ID));
  });
});

describe('membership over time', () => {
  it('members join on a date and leave on a date; a retried join records nothing', () => {
    given([established()]).when(join(gentofte, '2027-03-01')).then([joined(gentofte, '2027-03-01')]);
    given([established(), joined(gentofte, '2027-03-01')]).when(join(gentofte, '2027-03-01')).then([]);
    given([established(), joined(gentofte)]).when(leave(gentofte, '2028-01-01', 'Council decision')).then([left(gentofte, '2028-01-01', 'Council decision')]);
  });

  it('refuses a second open membership, and a rejoin that overlaps the earlier one', () => {
    given([established(), joined(gentofte)]).when(join(gentofte, '2027-01-01')).then(new MembershipConflict(gentofte, 'is already a member, since 2020-01-01'));
    given([established(), joined(gentofte), left(gentofte, '2025-01-01')])
      .when(join(gentofte, '2024-06-01'))
      .then(new MembershipConflict(gentofte, 'was a member until 2025-01-01: a new membership starts on or after that day'));
    given([established(), joined(gentofte), left(gentofte, '2025-01-01')]).when(join(gentofte, '2025-01-01')).then([joined(gentofte, '2025-01-01')]);
  });

  it('refuses to leave when not a member, or before joining', () => {
    given([established()]).when(leave(gentofte, '2027-01-01')).then(new MembershipConflict(gentofte, 'is not a member'));
    given([established(), joined(gentofte)]).when(leave(gentofte, '2020-01-01')).then(new InvalidCollaborationRequest('leftOn', 'must be after the membership began, 2020-01-01'));
    given([established(), joined(gentofte)]).when(join(gladsaxe, '2027-02-30')).then(new InvalidCollaborationRequest('joinedOn', 'must be a date, YYYY-MM-DD'));
  });

  it('refuses a leave dated before hours the member has delivered', () => {
    const history = [...fourK(), rateSet(50_000), projectRegistered('p'), started('p', [...FOUR_K]), hoursRecorded('p', 'h1', gentofte, 700, '2027-05-03')];
    given(history).when(leave(gentofte, '2027-05-01')).then(new InvalidCollaborationRequest('leftOn', 'gentofte has hours recorded on 2027-05-03, on or after that day'));
    given(history).when(leave(gentofte, '2027-05-04')).then([left(gentofte, '2027-05-04')]);
  });
});

describe('fee schemes and fees per member per year', () => {
  const members = [established(), joined(gentofte, '2019-01-01'), joined(gladsaxe, '2027-07-01'), joined(lyngby, '2027-07-02')];

  it('a fixed fee per half-year (OS2, DKK 8,000): a member joining after 1 July pays one half-year', () => {
    const fees = feesForYear(fold([...members, feeSchemeSet('fixed_per_half_year', dkk(800_000))]), 2027);
    expect(fees.members.map((m) => [m.organisationId, m.proRata, m.fee])).toEqual([
      [gentofte, 'full', dkk(1_600_000)],
      [gladsaxe, 'full', dkk(1_600_000)],
      [lyngby, 'half', dkk(800_000)],
    ]);
    expect(fees.total).toEqual(dkk(4_000_000));
  });

  it('per inhabitant (SBSYS, DKK 9): the figure in force on the first day of membership that year; half rounds down', () => {
    const fees = feesForYear(
      fold([...members, feeSchemeSet('per_inhabitant', dkk(900)), figureRecorded(gentofte, 75_000), figureRecorded(gladsaxe, 69_000), figureRecorded(lyngby, 55_001), figureRecorded(lyngby, 1, '2027-08-01')]),
      2027,
    );
    expect(fees.members.map((m) => [m.organisationId, m.figure, m.fullFee, m.fee])).toEqual([
      [gentofte, 75_000, dkk(67_500_000), dkk(67_500_000)],
      [gladsaxe, 69_000, dkk(62_100_000), dkk(62_100_000)],
      [lyngby, 55_001, dkk(49_500_900), dkk(24_750_450)],
    ]);
  });

  it('says what is missing instead of guessing a fee', () => {
    const fees = feesForYear(fold([...members, feeSchemeSet('per_inhabitant', dkk(900))]), 2027);
    expect(fees.members[0]).toMatchObject({ fee: null, missing: 'no inhabitants figure in force on 2027-01-01' });
    expect(fees.total).toBeNull();
    expect(feesForYear(fold(members), 2027).members[0]).toMatchObject({ fee: null, missing: 'no fee scheme is in force for the year' });
  });

  it('a yearly budget split by size or usage covers the budget exactly; a half-year member counts half', () => {
    const fees = feesForYear(
      fold([...members, feeSchemeSet('by_usage', dkk(1_000_000)), ...[gentofte, gladsaxe, lyngby].map((m) => figureRecorded(m, 10, '2027-01-01', 'usage_units'))]),
      2027,
    );
    // weights 20 : 20 : 10 of DKK 10,000
    expect(fees.members.map((m) => m.fee)).toEqual([dkk(400_000), dkk(400_000), dkk(200_000)]);
    expect(fees.members[2].fullFee).toEqual(dkk(333_333));
    expect(fees.total).toEqual(dkk(1_000_000));
  });

  it('the scheme in force is the latest effective for the year; setting the same again records nothing', () => {
    const history = [...members, feeSchemeSet('fixed_per_half_year', dkk(800_000), 2025), feeSchemeSet('fixed_per_half_year', dkk(900_000), 2028)];
    expect(feesForYear(fold(history), 2027).scheme).toEqual({ kind: 'fixed_per_half_year', amount: dkk(800_000), effectiveFromYear: 2025 });
    expect(feesForYear(fold(history), 2028).members[0].fee).toEqual(dkk(1_800_000));
    given(history).when(setFeeScheme('fixed_per_half_year', dkk(900_000), 2028)).then([]);
  });

  it('refuses fees that are not whole øre of the collaboration currency, and figures of non-members', () => {
    given(members).when(setFeeScheme('per_inhabitant', dkk(0))).then(new InvalidCollaborationRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1'));
    given(members)
      .when(setFeeScheme('per_inhabitant', { amountMinor: 900, currency: 'EUR' }))
      .then(new InvalidCollaborationRequest('amount.currency', "must be DKK, the collaboration's currency"));
    given(members).when(setFeeScheme('per_inhabitant', dkk(900), 1999)).then(new InvalidCollaborationRequest('effectiveFromYear', 'must be a whole year from 2000 to 2100'));
    given(members).when(recordFigure(rudersdal, 56_000)).then(new InvalidCollaborationRequest('organisationId', 'is not a member of the collaboration'));
    given(members).when(recordFigure(gentofte, 0)).then(new InvalidCollaborationRequest('value', 'must be a whole number from 1 to 1000000000'));
  });
});

describe('figures and rates with effective dates', () => {
  it('records a member figure and a rate once', () => {
    given(fourK()).when(recordFigure(gentofte, 75_000)).then([figureRecorded(gentofte, 75_000)]);
    given([...fourK(), figureRecorded(gentofte, 75_000)]).when(recordFigure(gentofte, 75_000)).then([]);
    given(fourK()).when(setRate(50_000)).then([rateSet(50_000)]);
    given([...fourK(), rateSet(50_000)]).when(setRate(50_000)).then([]);
  });
});

describe('participation per project', () => {
  it('a joint project includes every member unless it opts out (4K); an opt-out records its reason', () => {
    const history = [...fourK(), projectRegistered('p', { minimumParticipants: 3 })];
    given(history).when(optOut('p', rudersdal, 'Own system already in place')).then([optedOut('p', rudersdal, 'Own system already in place')]);
    const state = fold([...history, optedOut('p', rudersdal)]);
    expect(participantsOn(state, state.projects[0], '2027-01-01')).toEqual([gentofte, gladsaxe, lyngby]);
    given([...history, optedOut('p', rudersdal)]).when(optOut('p', rudersdal)).then([]);
    given([...history, optedOut('p', rudersdal)]).when(optIn('p', rudersdal)).then([optedIn('p', rudersdal)]);
  });

  it('a voluntary project includes only those that opt in', () => {
    const history = [...fourK(), projectRegistered('v', { kind: 'voluntary' }), optedIn('v', gladsaxe)];
    const state = fold(history);
    expect(participantsOn(state, state.projects[0], '2027-01-01')).toEqual([gladsaxe]);
    given(history).when(optIn('v', gladsaxe)).then([]);
    given(history).when(optOut('v', gladsaxe)).then([optedOut('v', gladsaxe)]);
  });

  it('starts only with the minimum number of participants, naming who takes part', () => {
    const history = [...fourK(), projectRegistered('v', { kind: 'voluntary', minimumParticipants: 3 }), optedIn('v', gladsaxe), optedIn('v', lyngby)];
    given(history).when(start('v')).then(new TooFewParticipants('v', 3, [gladsaxe, lyngby]));
    given([...history, optedIn('v', gentofte)]).when(start('v')).then([started('v', [gentofte, gladsaxe, lyngby])]);
  });

  it('participation is settled before the start; starting again on the same day records nothing', () => {
    const history = [...fourK(), projectRegistered('p'), started('p', [...FOUR_K])];
    given(history).when(optOut('p', rudersdal)).then(new ProjectAlreadyStarted('p', '2027-01-01'));
    given(history).when(start('p')).then([]);
    given(history).when(start('p', '2027-02-01')).then(new ProjectAlreadyStarted('p', '2027-01-01'));
  });

  it('refuses opt-outs by non-members and of unknown projects; a project id is used once', () => {
    const history = [...fourK(), projectRegistered('p')];
    given(history).when(optOut('p', 'herning')).then(new InvalidCollaborationRequest('organisationId', 'is not a member of the collaboration'));
    given(history).when(optOut('x', gentofte)).then(new ProjectNotFound(COLLABORATION_ID, 'x'));
    given(history).when(registerProject('p')).then([]);
    given(history).when(registerProject('p', { name: 'Other' })).then(new CollaborationIdInUse('projectId', 'p'));
    given(history).when(registerProject('q', { minimumParticipants: 0 })).then(new InvalidCollaborationRequest('minimumParticipants', 'must be a whole number from 1 to 1000'));
  });
});

describe('costs and hours', () => {
  const running = [...fourK(), rateSet(50_000), projectRegistered('p'), optedOut('p', rudersdal), started('p', [gentofte, gladsaxe, lyngby], '2027-02-01')];

  it('records costs and hours of a started project by those who take part', () => {
    given(running).when(recordCost('p', 'c1', 100_000, gentofte)).then([costRecorded('p', 'c1', 100_000, gentofte)]);
    given(running).when(recordHours('p', 'h1', gladsaxe, 7.5)).then([hoursRecorded('p', 'h1', gladsaxe, 750)]);
    given([...running, hoursRecorded('p', 'h1', gladsaxe, 750)]).when(recordHours('p', 'h1', gladsaxe, 7.5)).then([]);
    given([...running, hoursRecorded('p', 'h1', gladsaxe, 750)]).when(recordHours('p', 'h1', gladsaxe, 8)).then(new CollaborationIdInUse('entryId', 'h1'));
  });

  it('refuses hours by a member that opted out, before the start, without a rate, or in fractions of a hundredth', () => {
    given(running).when(recordHours('p', 'h', rudersdal, 1)).then(new InvalidCollaborationRequest('organisationId', 'does not take part in project p on 2027-03-01'));
    given(running).when(recordHours('p', 'h', gladsaxe, 1, '2027-01-15')).then(new InvalidCollaborationRequest('workedOn', "must be on or after the project's start, 2027-02-01"));
    given(running).when(recordHours('p', 'h', gladsaxe, 1.005)).then(new InvalidCollaborationRequest('hours', 'must be more than 0 and at most 2000, with at most two decimals'));
    given(running).when(recordHours('p', 'h', gladsaxe, 0)).then(new InvalidCollaborationRequest('hours', 'must be more than 0 and at most 2000, with at most two decimals'));
    const noRate = running.filter((e) => e.type !== CollaborationEventType.HourlyRateSet);
    given(noRate).when(recordHours('p', 'h', gladsaxe, 1)).then(new InvalidCollaborationRequest('workedOn', 'no hourly rate is in force on 2027-03-01: set one first'));
  });

  it('refuses costs of a project not started, and paid by a non-member', () => {
    given([...fourK(), projectRegistered('p')]).when(recordCost('p', 'c', 1, gentofte)).then(new ProjectNotStarted('p'));
    given(running).when(recordCost('p', 'c', 1, 'herning')).then(new InvalidCollaborationRequest('paidBy', 'was not a member on 2027-03-01'));
    given(running).when(recordCost('p', 'c', 0, gentofte)).then(new InvalidCollaborationRequest('amount.amountMinor', 'must be a whole number of minor units, at least 1'));
  });
});

describe('the yearly net settlement', () => {
  const running = [...fourK(), rateSet(50_000), projectRegistered('p'), optedOut('p', rudersdal), started('p', [gentofte, gladsaxe, lyngby], '2027-02-01')];

  it('shares costs and valued hours among the participants only, and settles the net difference', () => {
    const state = fold([...running, costRecorded('p', 'c1', 100_000, gentofte), hoursRecorded('p', 'h1', gladsaxe, 1_000)]);
    const statement = settlementFor(state, 2027);
    // DKK 1,000 invoice + 10 h × DKK 500 = DKK 6,000 shared by three: 2,000 each
    expect(statement.total).toEqual(dkk(600_000));
    expect(statement.members.map((m) => [m.organisationId, m.share.amountMinor, m.delivered.amountMinor, m.net.amountMinor])).toEqual([
      [gentofte, 200_000, 100_000, 100_000],
      [gladsaxe, 200_000, 500_000, -300_000],
      [lyngby, 200_000, 0, 200_000],
      [rudersdal, 0, 0, 0],
    ]);
  });

  it('is issued once per year, with the statement and the version it rests on', () => {
    const history = [...running, costRecorded('p', 'c1', 100, gentofte)];
    const [event] = collaborationDecider.decide(issue(), fold(history));
    expect(event).toEqual({
      type: CollaborationEventType.SettlementIssued,
      data: { collaborationId: COLLABORATION_ID, year: 2027, basedOnVersion: history.length, statement: settlementFor(fold(history), 2027) },
    });
    given([...history, event]).when(issue()).then(new SettlementAlreadyIssued(COLLABORATION_ID, 2027));
  });

  it('closes the year it settles: costs and hours dated in it are refused, later years stay open, retries still answer', () => {
    const history = [...running, costRecorded('p', 'c1', 100, gentofte), hoursRecorded('p', 'h1', gladsaxe, 100)];
    const [issued] = collaborationDecider.decide(issue(), fold(history));
    const settled = [...history, issued];
    given(settled).when(recordCost('p', 'late', 400, gentofte, '2027-12-20')).then(new YearAlreadySettled(COLLABORATION_ID, 2027, 'incurredOn'));
    given(settled).when(recordHours('p', 'late', gladsaxe, 10, '2027-11-01')).then(new YearAlreadySettled(COLLABORATION_ID, 2027, 'workedOn'));
    given(settled).when(recordCost('p', 'c1', 100, gentofte)).then([]);
    given(settled).when(recordHours('p', 'h1', gladsaxe, 1)).then([]);
    given(settled).when(recordCost('p', 'next', 400, gentofte, '2028-01-05')).then([costRecorded('p', 'next', 400, gentofte, '2028-01-05')]);
  });

  it('a project split by inhabitants needs every participant’s figure', () => {
    const history = [...fourK(), rateSet(50_000), projectRegistered('p', { costKey: 'inhabitants' }), started('p', [...FOUR_K]), costRecorded('p', 'c1', 100_001, gentofte)];
    given(history).when(issue()).then(new MissingMemberFigure(gentofte, 'inhabitants', '2027-01-01'));
    const withFigures = [...history, ...FOUR_K.map((m, i) => figureRecorded(m, (i + 1) * 1_000))];
    expect(settlementFor(fold(withFigures), 2027).projects[0].shares.map((s) => s.share.amountMinor)).toEqual([10_000, 20_000, 30_000, 40_001]);
  });
});

describe('evolve', () => {
  it('refuses a history that does not start with the establishment', () => {
    expect(() => [joined(gentofte)].reduce(evolve, initialCollaborationState())).toThrow(InconsistentCollaborationHistory);
  });
});
