import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BusinessCaseEventType, type BusinessCaseEvent } from './events.js';
import { addDays, periodEnd } from './periods.js';
import { overdueFollowUps, projectRealisation, type RecordedFact } from './realisation-report.js';
import { measured, prepared, savingsDefined } from './testing-fixtures.js';

const YEARS = ['2014', '2015', '2016', '2017'];
const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A measurement history as the domain allows it: per year a chain of corrections, days never going back. */
const historyArb = fc
  .array(fc.record({ year: fc.constantFrom(...YEARS), value: fc.integer({ min: -1_000_000, max: 900_000_000 }), delay: fc.integer({ min: 1, max: 400 }) }), { maxLength: 12 })
  .map((entries) => {
    const events: BusinessCaseEvent[] = [prepared(), savingsDefined({ 2014: 295_000_000, 2015: 590_000_000, 2016: 590_000_000 })];
    const chain = new Map<string, { id: string; day: string }>();
    entries.forEach(({ year, value, delay }, i) => {
      const current = chain.get(year);
      const day = addDays(current?.day ?? periodEnd(year, 'year'), delay);
      events.push(measured(`m${i}`, year, value, day, current?.id ?? null, current ? 'correction' : null));
      chain.set(year, { id: `m${i}`, day });
    });
    return events.map((e, i): RecordedFact => ({ type: e.type, data: e.data, recordedAt: at(i) }));
  });

const dayArb = fc.integer({ min: 0, max: 365 * 6 }).map((d) => addDays('2013-06-01', d));

describe('realisation report: properties', () => {
  it('as of a day ignores measurements taken later: removing them changes nothing', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (facts, asOf) => {
        const knownAt = at(10_000);
        const earlier = facts.filter((f) => f.type !== BusinessCaseEventType.BenefitMeasured || (f.data as { measuredOn: string }).measuredOn <= asOf);
        expect(projectRealisation(earlier, { asOf, knownAt })).toEqual(projectRealisation(facts, { asOf, knownAt }));
      }),
      { numRuns: 300 },
    );
  });

  it('as known at an instant ignores everything recorded after it, corrections included', () => {
    fc.assert(
      fc.property(historyArb, dayArb, fc.nat({ max: 15 }), (facts, asOf, cut) => {
        const knownAt = at(cut + 0.5);
        const known = facts.filter((f) => Date.parse(f.recordedAt) <= Date.parse(knownAt));
        const withLater = [...facts, { type: BusinessCaseEventType.Revised, data: { projectId: 'project-1', forumId: 'other', reason: 'later' }, recordedAt: at(20) }];
        expect(projectRealisation(withLater, { asOf, knownAt })).toEqual(projectRealisation(known, { asOf, knownAt: at(10_000) }));
      }),
      { numRuns: 300 },
    );
  });

  it('economic actuals to date are the sum of the latest measurement of each ended period; every ended, unmeasured, due period is a follow-up', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (facts, asOf) => {
        const report = projectRealisation(facts, { asOf, knownAt: at(10_000) })!;
        const [savings] = report.benefits;
        const latest = new Map<string, number>();
        for (const f of facts) {
          if (f.type !== BusinessCaseEventType.BenefitMeasured) continue;
          const m = f.data as { period: string; value: number; measuredOn: string };
          if (m.measuredOn <= asOf) latest.set(m.period, m.value);
        }
        const expected = [...latest.values()].reduce((s, v) => s + v, 0);
        expect(savings.actualToDate).toBe(latest.size ? expected : null);
        expect(report.totals.economic.actualToDate.amountMinor).toBe(expected);
        const overdue = overdueFollowUps([report], asOf).map((i) => i.period);
        const due = ['2014', '2015', '2016'].filter((y) => addDays(periodEnd(y, 'year'), 60) < asOf && !latest.has(y));
        expect(overdue).toEqual(due);
      }),
      { numRuns: 300 },
    );
  });
});
