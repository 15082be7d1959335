import { describe, expect, it } from '@jest/globals';
import { InvalidRecurrenceRule } from './errors.js';
import { normaliseRecurrenceRule, sameRecurrenceRule, type RecurrenceRuleInput } from './recurrence-rule.js';
import { HERNING_MONTHLY, RISO_QUARTERLY } from './testing-fixtures.js';

describe('normaliseRecurrenceRule', () => {
  it('fills the defaults so the recorded rule is complete', () => {
    expect(normaliseRecurrenceRule(HERNING_MONTHLY)).toEqual({
      ...HERNING_MONTHLY,
      timeZone: 'Europe/Copenhagen',
      quarterMonths: null,
      endDate: null,
    });
    expect(normaliseRecurrenceRule({ ...RISO_QUARTERLY, quarterMonths: undefined, startDate: '2025-11-01' }).quarterMonths).toEqual([
      2, 5, 8, 11,
    ]);
  });

  it('sorts and de-duplicates the excepted months and canonicalises the zone', () => {
    const rule = normaliseRecurrenceRule({ ...HERNING_MONTHLY, exceptMonths: [12, 7, 7], timeZone: 'europe/oslo' });
    expect(rule).toMatchObject({ exceptMonths: [7, 12], timeZone: 'Europe/Oslo' });
  });

  it.each<[string, Partial<RecurrenceRuleInput>, InvalidRecurrenceRule]>([
    ['an unknown frequency', { frequency: 'weekly' as 'monthly' }, new InvalidRecurrenceRule('frequency', 'must be monthly or quarterly')],
    ['a fifth weekday', { dayRule: { kind: 'nth_weekday', n: 5 as 4, weekday: 1 } }, new InvalidRecurrenceRule('dayRule.n', 'must be 1, 2, 3, 4 or -1 (the last)')],
    ['weekday 0', { dayRule: { kind: 'nth_weekday', n: 1, weekday: 0 as 1 } }, new InvalidRecurrenceRule('dayRule.weekday', 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)')],
    ['the 31st', { dayRule: { kind: 'day_of_month', day: 31 } }, new InvalidRecurrenceRule('dayRule.day', 'must be a day from 1 to 28, which every month has')],
    ['a 12-hour time', { time: '2pm' }, new InvalidRecurrenceRule('time', 'must be a 24-hour time HH:MM')],
    ['an unknown zone', { timeZone: 'Europe/Herning' }, new InvalidRecurrenceRule('timeZone', 'must be an IANA time zone')],
    ['no duration', { durationMinutes: 0 }, new InvalidRecurrenceRule('durationMinutes', 'must be a whole number of minutes from 1 to 1440')],
    ['month 13', { exceptMonths: [13] }, new InvalidRecurrenceRule('exceptMonths', 'months must be from 1 to 12')],
    ['an end before the start', { endDate: '2024-12-31' }, new InvalidRecurrenceRule('endDate', 'must not be before startDate')],
    ['quarter months on a monthly rule', { quarterMonths: [3, 6, 9, 12] }, new InvalidRecurrenceRule('quarterMonths', 'only a quarterly rule has quarter months')],
    ['every month excepted', { exceptMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }, new InvalidRecurrenceRule('exceptMonths', 'excepts every month the rule meets in')],
  ])('refuses %s', (_, change, error) => {
    expect(() => normaliseRecurrenceRule({ ...HERNING_MONTHLY, ...change })).toThrow(error);
    try {
      normaliseRecurrenceRule({ ...HERNING_MONTHLY, ...change });
    } catch (thrown) {
      expect(thrown).toMatchObject({ field: error.field, reason: error.reason, code: 'invalid_recurrence_rule' });
    }
  });

  it('refuses quarter months that are not one per quarter', () => {
    expect(() => normaliseRecurrenceRule({ ...RISO_QUARTERLY, quarterMonths: [1, 2, 6, 9] })).toThrow(
      new InvalidRecurrenceRule('quarterMonths', 'must be four months, one in each quarter'),
    );
  });

  it('compares rules field by field, whatever the key order', () => {
    const rule = normaliseRecurrenceRule(HERNING_MONTHLY);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(rule).reverse())));
    expect(sameRecurrenceRule(rule, reordered)).toBe(true);
    expect(sameRecurrenceRule(rule, normaliseRecurrenceRule({ ...HERNING_MONTHLY, exceptMonths: [] }))).toBe(false);
  });
});
