import type { Person } from '../../../proposals/domain/proposal-form.js';
import { deepEqual } from '../../../shared-kernel/deep-equal.js';
import {
  AssignmentNotFound,
  CapacityBelowLoans,
  InvalidResourceRequest,
  LoanExceedsCapacity,
  LoanNotFound,
  ResourceItemIdInUse,
  ResourceNotFound,
} from '../errors.js';
import { monthsInRange } from '../months.js';
import { optionalText, requireEffort, requireMonthRange, requireText } from '../validation.js';
import {
  ResourceCommandType,
  type AmendResource,
  type AssignResource,
  type CancelLoan,
  type LendResource,
  type RegisterResource,
  type ResourceCommand,
  type SetResourceCapacity,
  type WithdrawAssignment,
} from './commands.js';
import { ResourceEventType, type ResourceAmendedData, type ResourceEvent } from './events.js';
import { ROLE_KEY } from '../roles/role.js';
import { capacityIn, lentIn, effortLimits, RESOURCE_KINDS, type RegisteredResource, type ResourceState } from './resource.js';

/**
 * The rules of a person or team: registered once in one role and home unit; capacity set per month; loans never
 * exceed the capacity of a month (and capacity never drops below what is lent); assignments to projects may exceed
 * capacity (over-allocation is flagged by the capacity view, not refused: planners must see it to solve it).
 */
export function decide(command: ResourceCommand, state: ResourceState): ResourceEvent[] {
  switch (command.type) {
    case ResourceCommandType.Register:
      return register(command, state);
    case ResourceCommandType.Amend:
      return amend(command, registered(state, command.data.resourceId));
    case ResourceCommandType.SetCapacity:
      return setCapacity(command, registered(state, command.data.resourceId));
    case ResourceCommandType.Lend:
      return lend(command, registered(state, command.data.resourceId));
    case ResourceCommandType.CancelLoan:
      return cancelLoan(command, registered(state, command.data.resourceId));
    case ResourceCommandType.Assign:
      return assign(command, registered(state, command.data.resourceId));
    case ResourceCommandType.WithdrawAssignment:
      return withdraw(command, registered(state, command.data.resourceId));
  }
}

function register({ data }: RegisterResource, state: ResourceState): ResourceEvent[] {
  // the id is generated for every registration: an existing stream is a retry that reached the store twice
  if (state.status !== 'none') throw new InvalidResourceRequest('resourceId', 'is taken by another resource');
  requireText(data.resourceId, 'resourceId');
  requireText(data.organisationId, 'organisationId');
  if (!(RESOURCE_KINDS as readonly string[]).includes(data.kind)) throw new InvalidResourceRequest('kind', `must be one of ${RESOURCE_KINDS.join(', ')}`);
  requireRoleKey(data.roleId);
  const homeUnitId = requireText(data.homeUnitId, 'homeUnitId');
  const person = data.kind === 'person' ? requirePerson(data.person) : null;
  if (data.kind === 'person' && optionalText(data.teamName) !== null) throw new InvalidResourceRequest('teamName', 'is for teams only');
  if (data.kind === 'team' && data.person != null) throw new InvalidResourceRequest('person', 'is for people only: a team has a teamName');
  const teamName = data.kind === 'team' ? requireText(data.teamName, 'teamName') : null;
  const { resourceId, organisationId, kind, roleId } = data;
  return [{ type: ResourceEventType.Registered, data: { resourceId, organisationId, kind, person, teamName, roleId, homeUnitId } }];
}

function amend({ data }: AmendResource, resource: RegisteredResource): ResourceEvent[] {
  const changes: { -readonly [K in keyof ResourceAmendedData]?: ResourceAmendedData[K] } = {};
  if (data.person !== undefined) {
    if (resource.kind !== 'person') throw new InvalidResourceRequest('person', 'is for people only: a team has a teamName');
    const person = requirePerson(data.person);
    if (!deepEqual(person, resource.person)) changes.person = person;
  }
  if (data.teamName !== undefined) {
    if (resource.kind !== 'team') throw new InvalidResourceRequest('teamName', 'is for teams only');
    const teamName = requireText(data.teamName, 'teamName');
    if (teamName !== resource.teamName) changes.teamName = teamName;
  }
  if (data.roleId !== undefined) {
    requireRoleKey(data.roleId);
    if (data.roleId !== resource.roleId) changes.roleId = data.roleId;
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: ResourceEventType.Amended, data: { resourceId: resource.resourceId, ...changes } }];
}

function setCapacity({ data }: SetResourceCapacity, resource: RegisteredResource): ResourceEvent[] {
  const { from, to } = requireMonthRange(data.from, data.to);
  const effort = requireEffort(data, effortLimits(resource.kind), 0);
  const months = monthsInRange(from, to);
  for (const month of months) {
    const lent = lentIn(resource, month);
    if (effort.hoursPerMonth < lent) throw new CapacityBelowLoans(resource.resourceId, month, lent);
  }
  if (months.every((m) => resource.capacity[m] === effort.hoursPerMonth)) return [];
  return [{ type: ResourceEventType.CapacitySet, data: { resourceId: resource.resourceId, from, to, ...effort } }];
}

function lend({ data }: LendResource, resource: RegisteredResource): ResourceEvent[] {
  const loanId = requireText(data.loanId, 'loanId');
  const borrowerUnitId = requireText(data.borrowerUnitId, 'borrowerUnitId');
  if (borrowerUnitId === resource.homeUnitId) throw new InvalidResourceRequest('borrowerUnitId', 'must be another unit than the home unit, the lender');
  const { from, to } = requireMonthRange(data.from, data.to);
  const effort = requireEffort(data, effortLimits(resource.kind), 1);
  const note = optionalText(data.note);
  const loan = { loanId, lenderUnitId: resource.homeUnitId, borrowerUnitId, from, to, ...effort, note };
  const existing = resource.loans.find((l) => l.loanId === loanId);
  if (existing) {
    const { status, ...recorded } = existing;
    if (status === 'active' && deepEqual(recorded, loan)) return []; // a retry of the same loan
    throw new ResourceItemIdInUse('loanId', loanId);
  }
  for (const month of monthsInRange(from, to)) {
    const available = capacityIn(resource, month) - lentIn(resource, month);
    if (effort.hoursPerMonth > available) throw new LoanExceedsCapacity(resource.resourceId, month, effort.hoursPerMonth, available);
  }
  return [{ type: ResourceEventType.Lent, data: { resourceId: resource.resourceId, ...loan } }];
}

function cancelLoan({ data }: CancelLoan, resource: RegisteredResource): ResourceEvent[] {
  const loan = resource.loans.find((l) => l.loanId === data.loanId);
  if (!loan) throw new LoanNotFound(resource.resourceId, data.loanId);
  if (loan.status === 'cancelled') return [];
  return [{ type: ResourceEventType.LoanCancelled, data: { resourceId: resource.resourceId, loanId: loan.loanId, reason: optionalText(data.reason) } }];
}

function assign({ data }: AssignResource, resource: RegisteredResource): ResourceEvent[] {
  const assignmentId = requireText(data.assignmentId, 'assignmentId');
  const projectId = requireText(data.projectId, 'projectId');
  const { from, to } = requireMonthRange(data.from, data.to);
  const effort = requireEffort(data, effortLimits(resource.kind), 1);
  const assignment = { assignmentId, projectId, from, to, ...effort };
  const existing = resource.assignments.find((a) => a.assignmentId === assignmentId);
  if (existing) {
    const { status, ...recorded } = existing;
    if (status === 'active' && deepEqual(recorded, assignment)) return []; // a retry of the same assignment
    throw new ResourceItemIdInUse('assignmentId', assignmentId);
  }
  return [{ type: ResourceEventType.Assigned, data: { resourceId: resource.resourceId, ...assignment } }];
}

function withdraw({ data }: WithdrawAssignment, resource: RegisteredResource): ResourceEvent[] {
  const assignment = resource.assignments.find((a) => a.assignmentId === data.assignmentId);
  if (!assignment) throw new AssignmentNotFound(resource.resourceId, data.assignmentId);
  if (assignment.status === 'withdrawn') return [];
  const { assignmentId, projectId } = assignment;
  return [{ type: ResourceEventType.AssignmentWithdrawn, data: { resourceId: resource.resourceId, assignmentId, projectId, reason: optionalText(data.reason) } }];
}

function registered(state: ResourceState, resourceId: string): RegisteredResource {
  if (state.status === 'none') throw new ResourceNotFound(resourceId);
  return state;
}

function requireRoleKey(roleId: unknown): void {
  if (typeof roleId !== 'string' || !ROLE_KEY.test(roleId)) throw new InvalidResourceRequest('roleId', 'must be the id of a role');
}

/** A person's name and email, and nothing else: personal data travels as one object. */
function requirePerson(person: Person | null | undefined): Person {
  if (typeof person !== 'object' || person === null) throw new InvalidResourceRequest('person', 'a person needs a name and an email');
  const name = requireText(person.name, 'person.name');
  const email = requireText(person.email, 'person.email');
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new InvalidResourceRequest('person.email', 'must be an email address');
  return { name, email };
}
