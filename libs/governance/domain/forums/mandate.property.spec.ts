import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { INVESTMENT_AREAS } from '../../../proposals/domain/proposal-form.js';
import { checkMandate, DECISION_KINDS } from './mandate.js';
import { DEPARTMENTS, mandateArb, money } from './testing/arbitraries.js';

const anyArea = fc.option(fc.constantFrom(...INVESTMENT_AREAS), { nil: null });
const anyDepartment = fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null });

describe('checkMandate: properties', () => {
  it('an approval above the maximum is always refused, whatever else is true', () => {
    const aboveMaximum = mandateArb
      .filter((mandate) => mandate.maximumAmount !== null && mandate.maximumAmount.amountMinor < Number.MAX_SAFE_INTEGER)
      .chain((mandate) => {
        const maximum = mandate.maximumAmount!;
        return fc.record({
          mandate: fc.constant(mandate),
          amount: fc
            .integer({ min: maximum.amountMinor + 1, max: Number.MAX_SAFE_INTEGER })
            .map((amountMinor) => ({ amountMinor, currency: maximum.currency })),
          area: anyArea,
          departmentId: anyDepartment,
        });
      });
    fc.assert(
      fc.property(aboveMaximum, ({ mandate, amount, area, departmentId }) => {
        const check = checkMandate(mandate, { kind: 'approve', amount, area, departmentId });
        expect(check).toMatchObject({
          allowed: false,
          reasons: expect.arrayContaining([{ code: 'amount_above_maximum', amount, maximum: mandate.maximumAmount }]),
        });
      }),
    );
  });

  it('a decision within every limit is always allowed', () => {
    const inside = mandateArb
      .filter((mandate) => mandate.decisionKinds.length > 0)
      .chain((mandate) =>
        fc.record({
          mandate: fc.constant(mandate),
          kind: fc.constantFrom(...mandate.decisionKinds),
          area: mandate.investmentAreas.length > 0 ? fc.constantFrom(...mandate.investmentAreas) : anyArea,
          departmentId: mandate.departmentIds.length > 0 ? fc.constantFrom(...mandate.departmentIds) : anyDepartment,
          amount:
            mandate.maximumAmount === null
              ? money
              : fc
                  .integer({ min: 0, max: mandate.maximumAmount.amountMinor })
                  .map((amountMinor) => ({ amountMinor, currency: mandate.maximumAmount!.currency })),
        }),
      );
    fc.assert(
      fc.property(inside, ({ mandate, ...matter }) => {
        expect(checkMandate(mandate, matter)).toEqual({ allowed: true });
      }),
    );
  });

  it('a kind the mandate does not grant is always refused', () => {
    fc.assert(
      fc.property(mandateArb, fc.constantFrom(...DECISION_KINDS), anyArea, anyDepartment, money, (mandate, kind, area, departmentId, amount) => {
        fc.pre(!mandate.decisionKinds.includes(kind));
        const check = checkMandate(mandate, { kind, area, departmentId, amount });
        expect(check).toMatchObject({ allowed: false, reasons: expect.arrayContaining([{ code: 'decision_kind_not_mandated', kind }]) });
      }),
    );
  });

  it('allowed exactly when there is no reason, and the reasons never repeat', () => {
    fc.assert(
      fc.property(
        mandateArb,
        fc.constantFrom(...DECISION_KINDS),
        anyArea,
        anyDepartment,
        fc.option(money, { nil: null }),
        (mandate, kind, area, departmentId, amount) => {
          const check = checkMandate(mandate, { kind, area, departmentId, amount });
          if (check.allowed) return;
          expect(check.reasons.length).toBeGreaterThan(0);
          expect(new Set(check.reasons.map((r) => r.code)).size).toBe(check.reasons.length);
        },
      ),
    );
  });
});
