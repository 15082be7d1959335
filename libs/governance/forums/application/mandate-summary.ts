import type { Mandate } from '../../domain/forums/index.js';

/** A mandate in one line, for lists: "approve, reject up to DKK 2000000.00; every investment area; every department". */
export function describeMandate(mandate: Mandate): string {
  const kinds = mandate.decisionKinds.length === 0 ? 'advisory only (no decisions)' : mandate.decisionKinds.map((k) => k.replaceAll('_', ' ')).join(', ');
  const limit = mandate.maximumAmount === null ? 'no amount limit' : `approvals up to ${formatMoney(mandate.maximumAmount)}`;
  const areas = mandate.investmentAreas.length === 0 ? 'every investment area' : `areas: ${mandate.investmentAreas.map((a) => a.replaceAll('_', ' ')).join(', ')}`;
  const departments = mandate.departmentIds.length === 0 ? 'every department' : `departments: ${mandate.departmentIds.join(', ')}`;
  return `${kinds}; ${limit}; ${areas}; ${departments}`;
}

/** DKK 2000000.00, with integer arithmetic (every supported currency has 100 minor units). */
function formatMoney(money: { readonly amountMinor: number; readonly currency: string }): string {
  const minor = BigInt(money.amountMinor);
  return `${money.currency} ${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
}
