import type { RecordedEvent } from '../../../event-store/index.js';
import { DocumentProjection } from '../../../projections/index.js';
import { mergeProposalForm, ProposalEventType, type ProposalAmendedData, type ProposalDraftedData, type ProposalForm } from '../../../proposals/domain/index.js';
import {
  PROJECT_STAGES,
  ProjectEventType,
  type DecisionNotReachedData,
  type DecisionTakenData,
  type ProjectStageChangedData,
} from '../../domain/decisions/index.js';
import { PortfolioProject } from './portfolio-project.entity.js';

/**
 * Builds `portfolio_projects` from the proposal streams (title, department, costs, as amended) and the project
 * streams (stage, status, committed amount, the forums that decided, the last decision). The committed amount is
 * the sum of carried funding approvals: a decision is recorded only once its commitment stands.
 */
export class PortfolioProjectsProjection extends DocumentProjection<PortfolioProject> {
  readonly name = 'portfolio_projects';
  readonly version = 1;
  readonly handles = [...Object.values(ProposalEventType), ...Object.values(ProjectEventType)];
  readonly tables = ['portfolio_projects'];
  protected readonly entity = PortfolioProject;
  protected readonly key = 'proposalId';

  protected keyOf(event: RecordedEvent): string | null {
    return (event.data as { proposalId?: string }).proposalId ?? null;
  }

  protected evolve(current: PortfolioProject | null, event: RecordedEvent): PortfolioProject | null {
    switch (event.type) {
      case ProposalEventType.Drafted: {
        const d = event.data as ProposalDraftedData;
        return {
          proposalId: d.proposalId,
          organisationId: d.organisationId,
          proposalStatus: 'draft',
          stage: null,
          status: null,
          committedMinor: 0,
          forumIds: [],
          lastDecision: null,
          ...withForm(d.form),
        };
      }
      case ProposalEventType.Amended:
        return current && { ...current, ...withForm(mergeProposalForm(current.form, (event.data as ProposalAmendedData).amendment)) };
      case ProposalEventType.Submitted:
        return current && { ...current, proposalStatus: 'submitted' };
      case ProposalEventType.Withdrawn:
        return current && { ...current, proposalStatus: 'withdrawn' };
      case ProjectEventType.EnteredPortfolio:
        return current && { ...current, stage: 'idea', status: 'idea' };
      case ProjectEventType.DecisionTaken:
      case ProjectEventType.DecisionNotReached: {
        if (!current) return null;
        const d = event.data as DecisionTakenData | DecisionNotReachedData;
        const forumId = d.basis.forum.forumId;
        const outcome = event.type === ProjectEventType.DecisionTaken ? 'carried' : (d as DecisionNotReachedData).outcome;
        return {
          ...current,
          committedMinor: current.committedMinor + (outcome === 'carried' && d.amount ? d.amount.amountMinor : 0),
          forumIds: current.forumIds.includes(forumId) ? current.forumIds : [...current.forumIds, forumId],
          lastDecision: { decisionId: d.decisionId, kind: d.kind, outcome, forumId, meetingId: d.basis.meeting.meetingId, heldOn: d.basis.meeting.heldOn },
        };
      }
      case ProjectEventType.StageChanged: {
        const { to } = event.data as ProjectStageChangedData;
        return current && { ...current, status: to, stage: (PROJECT_STAGES as readonly string[]).includes(to) ? to : current.stage };
      }
      default:
        return current;
    }
  }
}

function withForm(form: ProposalForm): Pick<PortfolioProject, 'form' | 'title' | 'departmentId' | 'developmentCostMinor' | 'operationsCostMinor' | 'currency'> {
  const dev = form.investment.developmentCost;
  const ops = form.investment.yearlyOperationsCost;
  return {
    form,
    title: form.title,
    departmentId: form.departmentId,
    developmentCostMinor: dev?.amountMinor ?? null,
    operationsCostMinor: ops?.amountMinor ?? null,
    currency: dev?.currency ?? ops?.currency ?? null,
  };
}
