import { describe, expect, it } from '@jest/globals';
import { MandateExceeded } from './errors.js';
import { checkMandate, requireWithinMandate, type Mandate } from './mandate.js';
import { dkk, FORUM_ID, STEERING_GROUP_MANDATE } from './testing/fixtures.js';

const subjectGroup: Mandate = {
  investmentAreas: ['digital_workplace'],
  departmentIds: ['social', 'children'],
  decisionKinds: ['approve', 'defer', 'escalate'],
  maximumAmount: dkk(500_000),
};

describe('checkMandate', () => {
  it('allows a decision inside every limit, the maximum itself included', () => {
    expect(checkMandate(subjectGroup, { kind: 'approve', amount: dkk(500_000), area: 'digital_workplace', departmentId: 'social' })).toEqual({
      allowed: true,
    });
  });

  it('empty area and department lists mean all; a null maximum means no limit', () => {
    const unlimited: Mandate = { ...STEERING_GROUP_MANDATE, maximumAmount: null };
    expect(checkMandate(unlimited, { kind: 'approve', amount: dkk(90_000_000), area: null })).toEqual({ allowed: true });
  });

  it('gives every reason, in a fixed order', () => {
    expect(checkMandate(subjectGroup, { kind: 'reject', area: 'service_to_citizens_and_businesses', departmentId: 'culture' })).toEqual({
      allowed: false,
      reasons: [
        { code: 'decision_kind_not_mandated', kind: 'reject' },
        { code: 'investment_area_not_mandated', area: 'service_to_citizens_and_businesses' },
        { code: 'department_not_mandated', departmentId: 'culture' },
      ],
    });
  });

  it('refuses an approval above the maximum', () => {
    expect(checkMandate(subjectGroup, { kind: 'approve', amount: dkk(500_001), area: 'digital_workplace', departmentId: 'social' })).toEqual({
      allowed: false,
      reasons: [{ code: 'amount_above_maximum', amount: dkk(500_001), maximum: dkk(500_000) }],
    });
  });

  it('refuses an approval whose amount is not stated, or is in another currency, under a limited mandate', () => {
    const inside = { area: 'digital_workplace', departmentId: 'social' } as const;
    expect(checkMandate(subjectGroup, { kind: 'approve', ...inside })).toEqual({
      allowed: false,
      reasons: [{ code: 'amount_not_stated', maximum: dkk(500_000) }],
    });
    const euros = { amountMinor: 100, currency: 'EUR' } as const;
    expect(checkMandate(subjectGroup, { kind: 'approve', amount: euros, ...inside })).toEqual({
      allowed: false,
      reasons: [{ code: 'amount_in_other_currency', amount: euros, maximum: dkk(500_000) }],
    });
  });

  it('limits only approvals by amount', () => {
    expect(checkMandate(subjectGroup, { kind: 'defer', amount: dkk(9_000_000), area: 'digital_workplace', departmentId: 'social' })).toEqual({
      allowed: true,
    });
  });

  it('refuses a matter that does not state the area or department a limited mandate needs', () => {
    expect(checkMandate(subjectGroup, { kind: 'defer' })).toEqual({
      allowed: false,
      reasons: [
        { code: 'investment_area_not_mandated', area: null },
        { code: 'department_not_mandated', departmentId: null },
      ],
    });
  });

  it('lets a matter beyond the mandate be escalated, if escalation is a mandated kind', () => {
    const beyond = { amount: dkk(5_000_000), area: 'service_to_citizens_and_businesses', departmentId: 'culture' } as const;
    expect(checkMandate(subjectGroup, { kind: 'escalate', ...beyond })).toEqual({ allowed: true });
    expect(checkMandate({ ...subjectGroup, decisionKinds: ['approve'] }, { kind: 'escalate', ...beyond })).toEqual({
      allowed: false,
      reasons: [{ code: 'decision_kind_not_mandated', kind: 'escalate' }],
    });
  });
});

describe('requireWithinMandate', () => {
  it('throws MandateExceeded with the reasons and a readable message', () => {
    const matter = { kind: 'approve', amount: dkk(600_000), area: 'digital_workplace', departmentId: 'culture' } as const;
    const run = () => requireWithinMandate(FORUM_ID, subjectGroup, matter);
    expect(run).toThrow(MandateExceeded);
    expect(run).toThrow(
      'outside the mandate of forum herning-steering-group: department culture is outside the mandate; DKK 600000.00 is above the limit of DKK 500000.00',
    );
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'mandate_exceeded',
        forumId: FORUM_ID,
        reasons: [
          { code: 'department_not_mandated', departmentId: 'culture' },
          { code: 'amount_above_maximum', amount: dkk(600_000), maximum: dkk(500_000) },
        ],
      });
    }
  });

  it('returns quietly inside the mandate', () => {
    expect(() => requireWithinMandate(FORUM_ID, STEERING_GROUP_MANDATE, { kind: 'approve', amount: dkk(1) })).not.toThrow();
  });
});
