import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, daysInMonth, isoWeekday, parseLocalDate } from './local-date.js';
import { generateOccurrences } from './recurrence.js';
import { normaliseRecurrenceRule, type DayRule, type RecurrenceRuleInput } from './recurrence-rule.js';
import { parseInstant } from './zoned-time.js';

const DAY_MS = 86_400_000;
const dayIndexArb = fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2040, 0, 1) / DAY_MS });
const isoDate = (dayIndex: number) => new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);

const dayRuleArb: fc.Arbitrary<DayRule> = fc.oneof(
  fc.record({
    kind: fc.constant('nth_weekday' as const),
    n: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
    weekday: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const, 7 as const),
  }),
  fc.record({ kind: fc.constant('day_of_month' as const), day: fc.integer({ min: 1, max: 28 }) }),
);

const ruleArb: fc.Arbitrary<RecurrenceRuleInput> = fc
  .record({
    frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
    dayRule: dayRuleArb,
    time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    timeZone: fc.constantFrom('Europe/Copenhagen', 'Europe/Oslo', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
    durationMinutes: fc.integer({ min: 1, max: 24 * 60 }),
    exceptMonths: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
    quarterShift: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 2 }))),
    start: dayIndexArb,
    lengthDays: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  })
  .map(({ quarterShift, start, lengthDays, ...rest }) => ({
    ...rest,
    quarterMonths: rest.frequency === 'quarterly' ? quarterShift.map((shift, quarter) => quarter * 3 + 1 + shift) : null,
    startDate: isoDate(start),
    endDate: lengthDays === undefined ? null : isoDate(start + lengthDays),
  }))
  .filter((rule) => {
    try {
      normaliseRecurrenceRule(rule);
      return true;
    } catch {
      return false; // every meeting month excepted
    }
  });

const periodArb = fc.tuple(dayIndexArb, fc.integer({ min: 0, max: 2200 })).map(([from, length]) => ({
  from: isoDate(from),
  to: isoDate(from + length),
}));

/** The day rule's meaning stated independently: the nth weekday lies in the nth week, the last in the final seven days. */
function satisfiesDayRule(dayRule: DayRule, date: string): boolean {
  const day = parseLocalDate(date)!;
  if (dayRule.kind === 'day_of_month') return day.day === dayRule.day;
  if (isoWeekday(day) !== dayRule.weekday) return false;
  if (dayRule.n === -1) return day.day > daysInMonth(day.year, day.month) - 7;
  return Math.ceil(day.day / 7) === dayRule.n;
}

describe('generateOccurrences: properties', () => {
  it('every occurrence lies in the period and the rule’s dates, in a meeting month, on the rule’s day, in order', () => {
    fc.assert(
      fc.property(ruleArb, periodArb, (rule, { from, to }) => {
        const occurrences = generateOccurrences(rule, from, to);
        const starts = occurrences.map((o) => parseInstant(o.startsAt)!);
        for (const [index, occurrence] of occurrences.entries()) {
          const month = Number(occurrence.date.slice(5, 7));
          expect(occurrence.date >= from && occurrence.date <= to).toBe(true);
          expect(occurrence.date >= rule.startDate && (rule.endDate == null || occurrence.date <= rule.endDate)).toBe(true);
          expect(rule.exceptMonths).not.toContain(month);
          if (rule.quarterMonths) expect(rule.quarterMonths).toContain(month);
          expect(satisfiesDayRule(rule.dayRule, occurrence.date)).toBe(true);
          expect(parseInstant(occurrence.endsAt)! - starts[index]).toBe(rule.durationMinutes * 60_000);
          if (index > 0) expect(starts[index]).toBeGreaterThan(starts[index - 1]);
        }
      }),
    );
  });

  it('misses no month: every meeting month wholly inside the period and the rule’s dates has its occurrence', () => {
    fc.assert(
      fc.property(ruleArb, periodArb, (input, { from, to }) => {
        const rule = normaliseRecurrenceRule(input);
        const monthsMet = new Set(generateOccurrences(rule, from, to).map((o) => o.date.slice(0, 7)));
        const lower = from > rule.startDate ? from : rule.startDate;
        const upper = rule.endDate !== null && rule.endDate < to ? rule.endDate : to;
        // Whole months only: in the first and last month the rule's day may fall outside the period.
        let { year, month } = addMonths(Number(lower.slice(0, 4)), Number(lower.slice(5, 7)), 1);
        while (`${year}-${String(month).padStart(2, '0')}-${daysInMonth(year, month)}` < upper) {
          const meets = !rule.exceptMonths.includes(month) && (rule.quarterMonths?.includes(month) ?? true);
          expect(monthsMet.has(`${year}-${String(month).padStart(2, '0')}`)).toBe(meets);
          ({ year, month } = addMonths(year, month, 1));
        }
      }),
    );
  });

  it('is deterministic: the same rule and period give the same occurrences', () => {
    fc.assert(
      fc.property(ruleArb, periodArb, (rule, { from, to }) => {
        expect(generateOccurrences(structuredClone(rule), from, to)).toEqual(generateOccurrences(rule, from, to));
      }),
    );
  });

  it('starts at the rule’s wall-clock time, or later only when that time does not exist that day', () => {
    fc.assert(
      fc.property(ruleArb, periodArb, (rule, { from, to }) => {
        for (const occurrence of generateOccurrences(rule, from, to)) {
          expect(occurrence.startsAt.slice(0, 10)).toBe(occurrence.date);
          expect(occurrence.startsAt.slice(11, 16) >= rule.time).toBe(true);
        }
      }),
    );
  });
});
