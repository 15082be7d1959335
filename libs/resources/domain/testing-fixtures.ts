/** Builders for the resources domain's specs. Test-only (excluded from the build). */
import type { EffortInput } from './effort.js';
import { ResourceCommandType, type ResourceCommand } from './resources/commands.js';
import { ResourceEventType, type ResourceEvent } from './resources/events.js';

export const RESOURCE_ID = 'resource-1';
export const ORGANISATION_ID = 'viborg';
export const PROJECT_ID = 'project-1';
export const ANNA = { name: 'Anna Holm', email: 'anna.holm@viborg.dk' };

export const registerPerson = (overrides: Record<string, unknown> = {}): ResourceCommand => ({
  type: ResourceCommandType.Register,
  data: { resourceId: RESOURCE_ID, organisationId: ORGANISATION_ID, kind: 'person', person: ANNA, roleId: 'project_leader', homeUnitId: 'it', ...overrides },
});

export const personRegistered = (): ResourceEvent => ({
  type: ResourceEventType.Registered,
  data: { resourceId: RESOURCE_ID, organisationId: ORGANISATION_ID, kind: 'person', person: ANNA, teamName: null, roleId: 'project_leader', homeUnitId: 'it' },
});

export const setCapacity = (from: string, to: string, effort: EffortInput): ResourceCommand => ({
  type: ResourceCommandType.SetCapacity,
  data: { resourceId: RESOURCE_ID, from, to, ...effort },
});

export const capacitySet = (from: string, to: string, hoursPerMonth: number, ftePercent: number | null = null): ResourceEvent => ({
  type: ResourceEventType.CapacitySet,
  data: { resourceId: RESOURCE_ID, from, to, hoursPerMonth, ftePercent },
});

export const lend = (loanId: string, from: string, to: string, effort: EffortInput, borrowerUnitId = 'social'): ResourceCommand => ({
  type: ResourceCommandType.Lend,
  data: { resourceId: RESOURCE_ID, loanId, borrowerUnitId, from, to, ...effort },
});

export const lent = (loanId: string, from: string, to: string, hoursPerMonth: number, ftePercent: number | null = null, borrowerUnitId = 'social'): ResourceEvent => ({
  type: ResourceEventType.Lent,
  data: { resourceId: RESOURCE_ID, loanId, lenderUnitId: 'it', borrowerUnitId, from, to, hoursPerMonth, ftePercent, note: null },
});

export const assign = (assignmentId: string, from: string, to: string, effort: EffortInput, projectId = PROJECT_ID): ResourceCommand => ({
  type: ResourceCommandType.Assign,
  data: { resourceId: RESOURCE_ID, assignmentId, projectId, from, to, ...effort },
});

export const assigned = (assignmentId: string, from: string, to: string, hoursPerMonth: number, projectId = PROJECT_ID): ResourceEvent => ({
  type: ResourceEventType.Assigned,
  data: { resourceId: RESOURCE_ID, assignmentId, projectId, from, to, hoursPerMonth, ftePercent: null },
});
