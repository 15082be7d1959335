import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidGateRuleSet, NoGateRuleSetInForce } from './errors.js';
import { checkGate, DEFAULT_GATE_RULE_SET, ruleSetInForce, validateGateRuleSet, type GateRuleSet } from './gate-rules.js';
import { compareScores, isScoreDecimal, scoreHundredths } from './score-decimal.js';
import { dkk } from './testing/fixtures.js';

const v1: GateRuleSet = { version: 1, effectiveFrom: '2024-01-01', gates: { 'analysis->execution': { minimumWeightedScore: '40.00' } } };
const v2: GateRuleSet = { version: 2, effectiveFrom: '2025-06-01', gates: { 'analysis->execution': { minimumWeightedScore: '70.00' } } };

describe('ruleSetInForce', () => {
  it('takes the set with the latest effective date on or before the day', () => {
    expect(ruleSetInForce([v2, v1], '2024-01-01')).toBe(v1);
    expect(ruleSetInForce([v2, v1], '2025-05-31')).toBe(v1);
    expect(ruleSetInForce([v2, v1], '2025-06-01')).toBe(v2);
    expect(ruleSetInForce([v1, v2], '2030-01-01')).toBe(v2);
  });

  it('takes the higher version of two taking effect the same day', () => {
    const correction: GateRuleSet = { ...v1, version: 3 };
    expect(ruleSetInForce([correction, v1], '2024-02-01')).toBe(correction);
  });

  it('fails when no set had taken effect', () => {
    expect(() => ruleSetInForce([v1, v2], '2023-12-31')).toThrow(new NoGateRuleSetInForce('2023-12-31'));
    expect(() => ruleSetInForce([], '2025-01-01')).toThrow(NoGateRuleSetInForce);
  });

  it('refuses a malformed set or day', () => {
    expect(() => ruleSetInForce([v1], '2025-02-30')).toThrow(InvalidGateRuleSet);
    expect(() => ruleSetInForce([{ ...v1, effectiveFrom: '2024-1-1' }], '2025-01-01')).toThrow(
      new InvalidGateRuleSet('ruleSet[version 1].effectiveFrom', 'must be a date YYYY-MM-DD'),
    );
    expect(() => validateGateRuleSet({ ...v1, gates: { 'analysis->execution': { minimumWeightedScore: '40' } } })).toThrow(
      new InvalidGateRuleSet('ruleSet[version 1].gates.analysis->execution.minimumWeightedScore', 'must be a score from "0.00" to "100.00" with two decimals'),
    );
    expect(() => validateGateRuleSet({ ...v1, gates: { 'idea->execution': {} } as GateRuleSet['gates'] })).toThrow(InvalidGateRuleSet);
    expect(() => validateGateRuleSet({ ...v1, version: 0 })).toThrow(InvalidGateRuleSet);
    expect(() => validateGateRuleSet(DEFAULT_GATE_RULE_SET)).not.toThrow();
  });
});

describe('scores as decimal strings', () => {
  it('reads "0.00" to "100.00" with exactly two decimals as hundredths', () => {
    expect(scoreHundredths('0.00')).toBe(0);
    expect(scoreHundredths('40.00')).toBe(4000);
    expect(scoreHundredths('62.50')).toBe(6250);
    expect(scoreHundredths('100.00')).toBe(10000);
    for (const bad of ['100.01', '62.5', '062.50', '-1.00', '1e2', ' 40.00', '40,00', 40, null]) expect(isScoreDecimal(bad)).toBe(false);
  });

  it('compares exactly, where floats might not', () => {
    expect(compareScores('40.00', '40.00')).toBe(0);
    expect(compareScores('39.99', '40.00')).toBeLessThan(0);
    expect(compareScores('0.30', '0.29')).toBeGreaterThan(0);
  });

  it('orders like the hundredths they stand for', () => {
    const score = fc.integer({ min: 0, max: 10_000 }).map((h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
    fc.assert(
      fc.property(score, score, (a, b) => {
        expect(Math.sign(compareScores(a, b))).toBe(Math.sign(scoreHundredths(a)! - scoreHundredths(b)!));
      }),
    );
  });
});

describe('checkGate', () => {
  const evidence = { weightedScore: '62.50', hasBusinessCase: false, benefitOwnerId: null, amount: null };

  it('passes what a gate without rules asks', () => {
    expect(checkGate({}, evidence)).toEqual([]);
  });

  it('gives every failure, in order', () => {
    const rule = { minimumWeightedScore: '70.00', maximumAmountWithoutBusinessCase: dkk(500_000), requiresBenefitOwner: true };
    expect(checkGate(rule, { ...evidence, amount: dkk(500_001) })).toEqual([
      { code: 'score_below_minimum', weightedScore: '62.50', minimum: '70.00' },
      { code: 'business_case_missing', amount: dkk(500_001), maximumWithoutBusinessCase: dkk(500_000) },
      { code: 'benefit_owner_missing' },
    ]);
    expect(checkGate(rule, { ...evidence, weightedScore: '70.00', amount: dkk(500_000), benefitOwnerId: 'owner' })).toEqual([]);
  });

  it('cannot compare an amount in another currency without a business case', () => {
    const rule = { maximumAmountWithoutBusinessCase: dkk(500_000) };
    const eur = { amountMinor: 1, currency: 'EUR' as const };
    expect(checkGate(rule, { ...evidence, amount: eur })).toEqual([{ code: 'amount_in_other_currency', amount: eur, maximumWithoutBusinessCase: dkk(500_000) }]);
    expect(checkGate(rule, { ...evidence, amount: eur, hasBusinessCase: true })).toEqual([]);
  });

  it('needs a score when scoring is required or a minimum is set', () => {
    expect(checkGate({ requiresScoring: true }, { ...evidence, weightedScore: null })).toEqual([{ code: 'not_scored' }]);
    expect(checkGate({ minimumWeightedScore: '0.00' }, { ...evidence, weightedScore: null })).toEqual([{ code: 'not_scored' }]);
  });
});
