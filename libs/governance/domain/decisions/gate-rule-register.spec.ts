import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import { GateRuleSetBackdated, InvalidGateRuleAdoption } from './errors.js';
import {
  decideGateRuleRegister,
  evolveGateRuleRegister,
  gateRuleRegisterDecider,
  GateRuleRegisterCommandType,
  GateRuleRegisterEventType,
  gateRuleSetsOf,
  initialGateRuleRegister,
  type AdoptGateRuleSet,
  type GateRuleRegisterEvent,
  type GateRuleRegisterState,
} from './gate-rule-register.js';
import { DEFAULT_GATE_RULE_SET, ruleSetInForce, type GateRuleSet } from './gate-rules.js';
import { dkk } from './testing/fixtures.js';

const given = deciderSpec(gateRuleRegisterDecider);
const TODAY = '2026-11-25';
const STRICTER: GateRuleSet['gates'] = {
  'analysis->execution': { requiresScoring: true, minimumWeightedScore: '60.00', maximumAmountWithoutBusinessCase: dkk(250_000) },
  'execution->realisation': { requiresBenefitOwner: true },
};

function adopt(effectiveFrom: string, gates: unknown = STRICTER, today = TODAY): AdoptGateRuleSet {
  return { type: GateRuleRegisterCommandType.Adopt, data: { organisationId: 'herning', effectiveFrom, gates: gates as GateRuleSet['gates'], today } };
}

function adopted(version: number, effectiveFrom: string, gates: GateRuleSet['gates'] = STRICTER): GateRuleRegisterEvent {
  return { type: GateRuleRegisterEventType.Adopted, data: { organisationId: 'herning', version, effectiveFrom, gates } };
}

describe('the gate rule register of an organisation', () => {
  it('has the built-in default until a set is adopted', () => {
    expect(gateRuleSetsOf(initialGateRuleRegister())).toEqual([DEFAULT_GATE_RULE_SET]);
  });

  it('adopts a set from a future day as version 2; the default stays in force until that day', () => {
    const state = given([]).when(adopt('2027-01-01')).then([adopted(2, '2027-01-01')]);
    expect(ruleSetInForce(gateRuleSetsOf(state), '2026-12-31')).toBe(DEFAULT_GATE_RULE_SET);
    expect(ruleSetInForce(gateRuleSetsOf(state), '2027-01-01')).toEqual({ version: 2, effectiveFrom: '2027-01-01', gates: STRICTER });
  });

  it('adopts a set from today', () => {
    given([]).when(adopt(TODAY)).then([adopted(2, TODAY)]);
  });

  it('numbers each set one above the last; a set from the same day as the last is a correction that takes over', () => {
    const state = given([adopted(2, '2027-01-01')]).when(adopt('2027-01-01', {})).then([adopted(3, '2027-01-01', {})]);
    expect(ruleSetInForce(gateRuleSetsOf(state), '2027-01-01').version).toBe(3);
    given([adopted(2, '2027-01-01'), adopted(3, '2027-01-01', {})]).when(adopt('2027-06-01')).then([adopted(4, '2027-06-01')]);
  });

  it('records the gates normalised: known fields only, transitions in lifecycle order', () => {
    const padded = {
      'execution->realisation': { requiresBenefitOwner: true, colour: 'blue' },
      'analysis->execution': { maximumAmountWithoutBusinessCase: dkk(250_000), minimumWeightedScore: '60.00', requiresScoring: true },
    };
    const [event] = decideGateRuleRegister(adopt('2027-01-01', padded), initialGateRuleRegister());
    expect(JSON.stringify(event.data.gates)).toBe(JSON.stringify(STRICTER));
  });

  it('refuses a set taking effect before today, in the calendar it is given', () => {
    given([]).when(adopt('2026-11-24')).then(new GateRuleSetBackdated('2026-11-24', TODAY, 'before_today'));
  });

  it('refuses a set taking effect before the set adopted last: no retroactive change', () => {
    given([adopted(2, '2027-06-01')]).when(adopt('2027-03-01')).then(new GateRuleSetBackdated('2027-03-01', '2027-06-01', 'before_latest_set'));
  });

  it.each([
    ['a date that does not exist', adopt('2027-02-30'), 'effectiveFrom', 'must be a date YYYY-MM-DD that exists'],
    ['a date in another format', adopt('01-01-2027'), 'effectiveFrom', 'must be a date YYYY-MM-DD that exists'],
    ['gates that are a list', adopt('2027-01-01', []), 'gates', 'must be an object'],
    [
      'an unknown transition',
      adopt('2027-01-01', { 'idea->execution': {} }),
      'gates.idea->execution',
      'is not a transition; one of idea->analysis, analysis->execution, execution->realisation, realisation->closed',
    ],
    ['a rule that is not an object', adopt('2027-01-01', { 'idea->analysis': true }), 'gates.idea->analysis', 'must be an object'],
    [
      'a score above 100',
      adopt('2027-01-01', { 'analysis->execution': { minimumWeightedScore: '100.01' } }),
      'gates.analysis->execution.minimumWeightedScore',
      'must be a score from "0.00" to "100.00" with two decimals',
    ],
    [
      'a negative amount',
      adopt('2027-01-01', { 'analysis->execution': { maximumAmountWithoutBusinessCase: { amountMinor: -1, currency: 'DKK' } } }),
      'gates.analysis->execution.maximumAmountWithoutBusinessCase.amountMinor',
      'must be a non-negative whole number of minor units',
    ],
    [
      'an amount with a fraction of an øre',
      adopt('2027-01-01', { 'analysis->execution': { maximumAmountWithoutBusinessCase: { amountMinor: 0.5, currency: 'DKK' } } }),
      'gates.analysis->execution.maximumAmountWithoutBusinessCase.amountMinor',
      'must be a non-negative whole number of minor units',
    ],
    [
      'an unknown currency',
      adopt('2027-01-01', { 'analysis->execution': { maximumAmountWithoutBusinessCase: { amountMinor: 1, currency: 'XYZ' } } }),
      'gates.analysis->execution.maximumAmountWithoutBusinessCase.currency',
      expect.stringMatching(/^must be one of /),
    ],
    [
      'a flag that is not true or false',
      adopt('2027-01-01', { 'execution->realisation': { requiresBenefitOwner: 'yes' } }),
      'gates.execution->realisation.requiresBenefitOwner',
      'must be true or false',
    ],
  ])('refuses %s, naming the field', (_what, command, field, reason) => {
    let thrown: unknown;
    try {
      decideGateRuleRegister(command, initialGateRuleRegister());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidGateRuleAdoption);
    expect(thrown).toMatchObject({ field, reason });
  });
});

describe('no retroactive change (property)', () => {
  /** Days as offsets from 2026-01-01, so that dates and their order are easy to draw. */
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
  const gates = fc.constantFrom<GateRuleSet['gates']>({}, STRICTER, { 'idea->analysis': { requiresScoring: false } });
  const attempts = fc.array(fc.record({ today: fc.nat(800), effectiveFrom: fc.nat(800), gates }), { maxLength: 12 });

  it('whatever is adopted, whenever: the set in force on any day before the adoption day never changes', () => {
    fc.assert(
      fc.property(attempts, (tries) => {
        let state: GateRuleRegisterState = initialGateRuleRegister();
        let today = 0;
        const adoptedOn: number[] = [];
        for (const attempt of tries) {
          // the clock only moves forward
          today = Math.max(today, attempt.today);
          const before = state;
          let events: GateRuleRegisterEvent[] = [];
          try {
            events = decideGateRuleRegister(adopt(day(attempt.effectiveFrom), attempt.gates, day(today)), state);
          } catch (error) {
            expect(error).toBeInstanceOf(GateRuleSetBackdated);
            continue;
          }
          state = events.reduce(evolveGateRuleRegister, state);
          // the days where the set in force can change: each set's first day, the day before it, and yesterday
          const probes = [today - 1, ...adoptedOn.flatMap((offset) => [offset - 1, offset])].filter((offset) => offset < today);
          for (const probe of probes) {
            expect(ruleSetInForce(gateRuleSetsOf(state), day(probe))).toEqual(ruleSetInForce(gateRuleSetsOf(before), day(probe)));
          }
          // and the new set is in force from its day
          expect(ruleSetInForce(gateRuleSetsOf(state), day(attempt.effectiveFrom)).version).toBe(events[0].data.version);
          adoptedOn.push(attempt.effectiveFrom);
        }
        const versions = gateRuleSetsOf(state).map((set) => set.version);
        expect(versions).toEqual(versions.map((_v, i) => i + 1));
      }),
    );
  });
});
