import type { RecordedEvent } from '../../event-store/index.js';
import { DocumentProjection } from '../../projections/index.js';
import {
  ProposalEventType,
  mergeProposalForm,
  type ProjectClassification,
  type ProposalAmendedData,
  type ProposalDraftedData,
  type ProposalForm,
} from '../domain/index.js';
import { ProposalSummary } from './proposal-summary.entity.js';

/** Builds `proposal_summaries` from the proposal streams. */
export class ProposalSummaryProjection extends DocumentProjection<ProposalSummary> {
  readonly name = 'proposal_summaries';
  readonly version = 1;
  readonly handles = Object.values(ProposalEventType);
  readonly tables = ['proposal_summaries'];
  protected readonly entity = ProposalSummary;
  protected readonly key = 'id';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { proposalId?: string }).proposalId ?? null;
  }

  protected evolve(current: ProposalSummary | null, event: RecordedEvent): ProposalSummary | null {
    const at = event.recordedAt;
    switch (event.type) {
      case ProposalEventType.Drafted: {
        const d = event.data as ProposalDraftedData;
        return {
          ...withForm(d.form, d.classification),
          id: d.proposalId,
          organisationId: d.organisationId,
          status: 'draft',
          version: event.streamPosition,
          createdAt: at,
          updatedAt: at,
          submittedAt: null,
          withdrawnAt: null,
        } as ProposalSummary;
      }
      case ProposalEventType.Amended: {
        if (!current) return null;
        const d = event.data as ProposalAmendedData;
        return { ...current, ...withForm(mergeProposalForm(current.form, d.amendment), d.classification), version: event.streamPosition, updatedAt: at };
      }
      case ProposalEventType.Submitted:
        return current && { ...current, status: 'submitted', submittedAt: at, updatedAt: at, version: event.streamPosition };
      case ProposalEventType.Withdrawn:
        return current && { ...current, status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: event.streamPosition };
      default:
        return current;
    }
  }
}

function withForm(form: ProposalForm, classification: ProjectClassification): Partial<ProposalSummary> {
  const dev = form.investment.developmentCost;
  const ops = form.investment.yearlyOperationsCost;
  return {
    form,
    title: form.title,
    departmentId: form.departmentId,
    classification: classification.classification,
    criteriaMet: [...classification.criteriaMet],
    developmentCostMinor: dev?.amountMinor ?? null,
    yearlyOperationsCostMinor: ops?.amountMinor ?? null,
    currency: dev?.currency ?? ops?.currency ?? null,
    investmentArea: form.investmentArea,
    legalRequirement: form.legalRequirement.required,
    estimatedHours: form.estimatedHours,
    plannedStart: form.schedule.plannedStart,
    plannedEnd: form.schedule.plannedEnd,
  };
}
