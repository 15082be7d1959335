import type { ProposalSummary } from '../read-models/proposal-summary.entity.js';

/** A row of the list as the API shows it: the summary without the stored form. */
export function toProposalListItem(p: ProposalSummary) {
  return {
    id: p.id,
    title: p.title,
    departmentId: p.departmentId,
    status: p.status,
    classification: p.classification,
    criteriaMet: p.criteriaMet,
    developmentCost: p.developmentCostMinor === null ? null : { amountMinor: p.developmentCostMinor, currency: p.currency },
    yearlyOperationsCost: p.yearlyOperationsCostMinor === null ? null : { amountMinor: p.yearlyOperationsCostMinor, currency: p.currency },
    investmentArea: p.investmentArea,
    legalRequirement: p.legalRequirement,
    estimatedHours: p.estimatedHours,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    submittedAt: p.submittedAt?.toISOString() ?? null,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
  };
}
