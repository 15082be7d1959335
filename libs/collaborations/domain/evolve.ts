import type { Project } from './collaboration.js';
import { InconsistentCollaborationHistory } from './errors.js';
import { CollaborationEventType, type CollaborationEvent } from './events.js';
import type { Collaboration, CollaborationState } from './state.js';

/** Folds one recorded fact into the collaboration. Events are facts: nothing is re-validated, only their order. */
export function evolve(state: CollaborationState, event: CollaborationEvent): CollaborationState {
  if (event.type === CollaborationEventType.Established) {
    if (state.status !== 'none') throw new InconsistentCollaborationHistory(event.type, 'the collaboration exists already');
    const { collaborationId, organisationId, name, legalForm, currency } = event.data;
    return {
      status: 'established',
      collaborationId,
      organisationId,
      name,
      legalForm,
      currency,
      memberships: [],
      forumIds: [],
      feeSchemes: [],
      figures: [],
      hourlyRates: [],
      projects: [],
      costs: [],
      hours: [],
      settlements: [],
      version: 1,
    };
  }
  if (state.status === 'none') throw new InconsistentCollaborationHistory(event.type, 'the collaboration does not exist');
  return { ...apply(state, event), version: state.version + 1 };
}

function apply(c: Collaboration, event: Exclude<CollaborationEvent, { type: typeof CollaborationEventType.Established }>): Collaboration {
  switch (event.type) {
    case CollaborationEventType.MemberJoined: {
      const { organisationId, joinedOn } = event.data;
      return { ...c, memberships: [...c.memberships, { organisationId, joinedOn, leftOn: null }] };
    }
    case CollaborationEventType.MemberLeft: {
      const { organisationId, leftOn } = event.data;
      if (!c.memberships.some((p) => p.organisationId === organisationId && p.leftOn === null)) {
        throw new InconsistentCollaborationHistory(event.type, `${organisationId} is not a member`);
      }
      return { ...c, memberships: c.memberships.map((p) => (p.organisationId === organisationId && p.leftOn === null ? { ...p, leftOn } : p)) };
    }
    case CollaborationEventType.ForumReferenced:
      return { ...c, forumIds: [...c.forumIds, event.data.forumId] };
    case CollaborationEventType.FeeSchemeSet: {
      const { kind, amount, effectiveFromYear } = event.data;
      const schemes = [...c.feeSchemes.filter((s) => s.effectiveFromYear !== effectiveFromYear), { kind, amount, effectiveFromYear }];
      return { ...c, feeSchemes: schemes.sort((a, b) => a.effectiveFromYear - b.effectiveFromYear) };
    }
    case CollaborationEventType.FigureRecorded: {
      const { organisationId, kind, value, effectiveFrom } = event.data;
      const same = (f: { organisationId: string; kind: string; effectiveFrom: string }) => f.organisationId === organisationId && f.kind === kind && f.effectiveFrom === effectiveFrom;
      return { ...c, figures: [...c.figures.filter((f) => !same(f)), { organisationId, kind, value, effectiveFrom }] };
    }
    case CollaborationEventType.HourlyRateSet: {
      const { rate, effectiveFrom } = event.data;
      const rates = [...c.hourlyRates.filter((r) => r.effectiveFrom !== effectiveFrom), { rate, effectiveFrom }];
      return { ...c, hourlyRates: rates.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)) };
    }
    case CollaborationEventType.ProjectRegistered: {
      const { projectId, name, kind, costKey, minimumParticipants, proposalId } = event.data;
      const project: Project = { projectId, name, kind, costKey, minimumParticipants, proposalId, status: 'proposed', startedOn: null, optedOut: [], optedIn: [] };
      return { ...c, projects: [...c.projects, project] };
    }
    case CollaborationEventType.OptedOut: {
      const { projectId, organisationId, reason } = event.data;
      return changeProject(c, event.type, projectId, (p) =>
        p.kind === 'joint' ? { ...p, optedOut: [...p.optedOut, { organisationId, reason }] } : { ...p, optedIn: p.optedIn.filter((o) => o !== organisationId) },
      );
    }
    case CollaborationEventType.OptedIn: {
      const { projectId, organisationId } = event.data;
      return changeProject(c, event.type, projectId, (p) =>
        p.kind === 'joint' ? { ...p, optedOut: p.optedOut.filter((o) => o.organisationId !== organisationId) } : { ...p, optedIn: [...p.optedIn, organisationId] },
      );
    }
    case CollaborationEventType.ProjectStarted:
      return changeProject(c, event.type, event.data.projectId, (p) => ({ ...p, status: 'started', startedOn: event.data.startedOn }));
    case CollaborationEventType.CostRecorded: {
      const { projectId, costId, description, amount, incurredOn, paidBy } = event.data;
      return { ...c, costs: [...c.costs, { projectId, costId, description, amount, incurredOn, paidBy }] };
    }
    case CollaborationEventType.HoursRecorded: {
      const { projectId, entryId, organisationId, workedOn, hundredths, description } = event.data;
      return { ...c, hours: [...c.hours, { projectId, entryId, organisationId, workedOn, hundredths, description }] };
    }
    case CollaborationEventType.SettlementIssued: {
      const { year, basedOnVersion, statement } = event.data;
      return { ...c, settlements: [...c.settlements, { year, basedOnVersion, statement }] };
    }
  }
}

function changeProject(c: Collaboration, eventType: string, projectId: string, change: (p: Project) => Project): Collaboration {
  if (!c.projects.some((p) => p.projectId === projectId)) throw new InconsistentCollaborationHistory(eventType, `no project ${projectId}`);
  return { ...c, projects: c.projects.map((p) => (p.projectId === projectId ? change(p) : p)) };
}
