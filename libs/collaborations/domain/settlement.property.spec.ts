import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../../shared-kernel/domain-error.js';
import type { FeeSchemeKind } from './collaboration.js';
import type { CollaborationCommand } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { feesForYear } from './fees.js';
import { participantsOn } from './membership.js';
import { settlementFor } from './settlement.js';
import { initialCollaborationState, type Collaboration, type CollaborationState } from './state.js';
import { dkk, establish, join, leave, optIn, optOut, recordCost, recordFigure, recordHours, registerProject, setFeeScheme, setRate, start } from './testing-fixtures.js';

const ORGS = ['a', 'b', 'c', 'd', 'e', 'f'];
const PROJECTS = ['p1', 'p2', 'p3'];
const org = fc.constantFrom(...ORGS);
const project = fc.constantFrom(...PROJECTS);
const day2027 = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
const amount = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 10_000_000_000 }));

const projectArb = fc.tuple(fc.constantFrom('joint', 'voluntary') as fc.Arbitrary<'joint' | 'voluntary'>, fc.constantFrom('equal', 'inhabitants') as fc.Arbitrary<'equal' | 'inhabitants'>);

/** What happens during the year: members coming and going, rates changing, costs and hours (odd amounts often). */
const duringYearArb: fc.Arbitrary<CollaborationCommand> = fc.oneof(
  fc.tuple(org, day2027).map(([o, d]) => join(o, d)),
  fc.tuple(org, day2027).map(([o, d]) => leave(o, d)),
  fc.tuple(fc.integer({ min: 1, max: 200_000 }), day2027).map(([r, d]) => setRate(r, d)),
  { arbitrary: fc.tuple(project, fc.uuid(), amount, org, day2027).map(([p, id, a, o, d]) => recordCost(p, id, a, o, d)), weight: 4 },
  { arbitrary: fc.tuple(project, fc.uuid(), org, fc.integer({ min: 1, max: 200_000 }), day2027).map(([p, id, o, h, d]) => recordHours(p, id, o, h / 100, d)), weight: 4 },
);

/**
 * A year of a collaboration: four founding members, three projects (joint or voluntary, split equally or by
 * inhabitants) whose participation is settled before they start on 1 January, then the year's events.
 */
const yearArb: fc.Arbitrary<CollaborationCommand[]> = fc
  .tuple(
    fc.tuple(projectArb, projectArb, projectArb),
    fc.array(fc.tuple(fc.boolean(), project, org), { maxLength: 12 }),
    fc.array(duringYearArb, { minLength: 5, maxLength: 60 }),
  )
  .map(([kinds, participation, during]) => [
    ...['a', 'b', 'c', 'd'].map((o) => join(o, '2026-06-01')),
    ...PROJECTS.map((p, i) => registerProject(p, { kind: kinds[i][0], costKey: kinds[i][1], name: p })),
    ...participation.map(([out, p, o]) => (out ? optOut(p, o) : optIn(p, o))),
    ...PROJECTS.map((p) => start(p, '2027-01-01')),
    ...during,
  ]);

/** Runs commands as the application would: a refused command (a DomainError) changes nothing. */
function run(commands: readonly CollaborationCommand[]): Collaboration {
  let state: CollaborationState = initialCollaborationState();
  for (const command of [establish(), setRate(50_000, '2026-01-01'), ...commands]) {
    try {
      state = decide(command, state).reduce(evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return state as Collaboration;
}

const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

describe('the yearly net settlement: properties', () => {
  it('costs and hours are shared among the participants only, and the shares sum to exactly what was delivered', () => {
    fc.assert(
      fc.property(yearArb, (commands) => {
        const c = run(commands);
        let statement;
        try {
          statement = settlementFor(c, 2027);
        } catch (error) {
          // a split by inhabitants without a figure is refused, never guessed
          expect((error as DomainError).code).toBe('missing_member_figure');
          return;
        }
        for (const line of statement.projects) {
          expect(sum(line.shares.map((s) => s.share.amountMinor))).toBe(line.total.amountMinor);
          const project = c.projects.find((p) => p.projectId === line.projectId)!;
          const dates = [...c.costs.filter((x) => x.projectId === project.projectId).map((x) => x.incurredOn), ...c.hours.filter((h) => h.projectId === project.projectId).map((h) => h.workedOn)];
          const everParticipating = new Set(dates.flatMap((d) => participantsOn(c, project, d)));
          for (const s of line.shares) expect(everParticipating.has(s.organisationId)).toBe(true);
        }
        const total = statement.total.amountMinor;
        expect(sum(statement.projects.map((p) => p.total.amountMinor))).toBe(total);
        expect(sum(statement.members.map((m) => m.share.amountMinor))).toBe(total);
        expect(sum(statement.members.map((m) => m.delivered.amountMinor))).toBe(total);
        for (const m of statement.members) expect(Number.isSafeInteger(m.net.amountMinor)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('nets to zero across members: what some pay is exactly what the others receive', () => {
    fc.assert(
      fc.property(yearArb, (commands) => {
        const c = run([...commands, ...ORGS.map((o) => recordFigure(o, 1_000, '2026-01-01'))]);
        const { members } = settlementFor(c, 2027);
        expect(sum(members.map((m) => m.net.amountMinor))).toBe(0);
        for (const m of members) expect(m.net.amountMinor).toBe(m.share.amountMinor - m.delivered.amountMinor);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fees: properties', () => {
  const kindArb = fc.constantFrom<FeeSchemeKind>('per_inhabitant', 'fixed_per_half_year', 'by_size', 'by_usage');

  it('pro rata never exceeds the full fee, a whole-year member pays exactly the full fee, and a budget is covered exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(org, day2027), { maxLength: 12 }),
        kindArb,
        // up to DKK 1m (per inhabitant, per half-year, or a budget): every fee stays a safe integer
        fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 100_000_000 })),
        fc.array(fc.tuple(org, fc.integer({ min: 1, max: 2_000_000 })), { maxLength: 12 }),
        (joins, kind, fee, figures) => {
          const c = run([
            ...joins.map(([o, d]) => join(o, d)),
            setFeeScheme(kind, dkk(fee), 2027),
            ...ORGS.map((o) => recordFigure(o, 5_000, '2026-01-01')),
            ...ORGS.map((o) => recordFigure(o, 3, '2026-01-01', 'usage_units')),
            ...figures.map(([o, v]) => recordFigure(o, v, '2027-01-01')),
          ]);
          const fees = feesForYear(c, 2027);
          for (const m of fees.members) {
            expect(m.fee!.amountMinor).toBeLessThanOrEqual(m.fullFee!.amountMinor);
            if (m.proRata === 'full') expect(m.fee).toEqual(m.fullFee);
            else expect(m.firstDayInYear > '2027-07-01').toBe(true);
          }
          if ((kind === 'by_size' || kind === 'by_usage') && fees.members.length) expect(fees.total).toEqual(dkk(fee));
        },
      ),
      { numRuns: 300 },
    );
  });
});
