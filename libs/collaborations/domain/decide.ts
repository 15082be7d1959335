import { CURRENCIES, type Money } from '../../shared-kernel/money.js';
import { isIsoDate, yearOf } from './calendar.js';
import { COST_KEYS, FEE_SCHEME_KINDS, FIGURE_KINDS, LEGAL_FORMS, MAX_HOURS, MAX_YEAR, MIN_YEAR, PROJECT_KINDS, type Project } from './collaboration.js';
import { CollaborationCommandType as C, type CollaborationCommand } from './commands.js';
import {
  CollaborationAlreadyExists,
  CollaborationIdInUse,
  CollaborationNotFound,
  InvalidCollaborationRequest,
  MembershipConflict,
  ProjectAlreadyStarted,
  ProjectNotFound,
  ProjectNotStarted,
  SettlementAlreadyIssued,
  TooFewParticipants,
  YearAlreadySettled,
} from './errors.js';
import { CollaborationEventType as E, type CollaborationEvent } from './events.js';
import { evolve } from './evolve.js';
import { hasEverBeenMember, isMemberOn, openPeriod, participantsOn, participatesOn, rateOn } from './membership.js';
import { settlementFor } from './settlement.js';
import type { Collaboration, CollaborationState } from './state.js';

/** Participants a project may require, and the largest figure (inhabitants, usage units) a member may have. */
const MAX_PARTICIPANTS = 1_000;
const MAX_FIGURE = 1_000_000_000;

/**
 * The rules of a collaboration: members join and leave on dates (one open membership at a time); fee schemes, hourly
 * rates and member figures have effective dates; participation in a project is settled before it starts, and it
 * starts only with enough participants; costs and hours are recorded against started projects by those taking part;
 * a year's settlement is issued once, with the statement and the version it was computed from. Returns events or
 * throws a DomainError; a retry of something already recorded returns no events.
 */
export function decide(command: CollaborationCommand, state: CollaborationState): CollaborationEvent[] {
  if (command.type === C.Establish) {
    const { collaborationId, organisationId, name, legalForm, currency } = command.data;
    if (state.status !== 'none') throw new CollaborationAlreadyExists(collaborationId);
    requireText(collaborationId, 'collaborationId');
    requireText(organisationId, 'organisationId');
    requireText(name, 'name');
    requireOneOf(legalForm, LEGAL_FORMS, 'legalForm');
    requireOneOf(currency, CURRENCIES, 'currency');
    return [{ type: E.Established, data: { collaborationId, organisationId, name, legalForm, currency } }];
  }
  if (state.status === 'none') throw new CollaborationNotFound(command.data.collaborationId);
  const c = state;
  const collaborationId = c.collaborationId;
  switch (command.type) {
    case C.Join: {
      const { organisationId, joinedOn } = command.data;
      requireText(organisationId, 'organisationId');
      requireDate(joinedOn, 'joinedOn');
      const open = openPeriod(c, organisationId);
      if (open?.joinedOn === joinedOn) return [];
      if (open) throw new MembershipConflict(organisationId, `is already a member, since ${open.joinedOn}`);
      const later = c.memberships.find((p) => p.organisationId === organisationId && p.leftOn! > joinedOn);
      if (later) throw new MembershipConflict(organisationId, `was a member until ${later.leftOn}: a new membership starts on or after that day`);
      return [{ type: E.MemberJoined, data: { collaborationId, organisationId, joinedOn } }];
    }
    case C.Leave: {
      const { organisationId, leftOn } = command.data;
      requireDate(leftOn, 'leftOn');
      const open = openPeriod(c, organisationId);
      if (!open) throw new MembershipConflict(organisationId, 'is not a member');
      if (leftOn <= open.joinedOn) throw new InvalidCollaborationRequest('leftOn', `must be after the membership began, ${open.joinedOn}`);
      const event: CollaborationEvent = { type: E.MemberLeft, data: { collaborationId, organisationId, leftOn, reason: optionalText(command.data.reason) } };
      requireRecordsStillHold(evolve(c, event) as Collaboration, organisationId);
      return [event];
    }
    case C.ReferenceForum: {
      const { forumId } = command.data;
      requireText(forumId, 'forumId');
      return c.forumIds.includes(forumId) ? [] : [{ type: E.ForumReferenced, data: { collaborationId, forumId } }];
    }
    case C.SetFeeScheme: {
      const { kind, effectiveFromYear } = command.data;
      requireOneOf(kind, FEE_SCHEME_KINDS, 'kind');
      const amount = requireMoney(c, command.data.amount, 'amount', 1);
      requireYear(effectiveFromYear, 'effectiveFromYear');
      const same = c.feeSchemes.find((s) => s.effectiveFromYear === effectiveFromYear);
      if (same && same.kind === kind && same.amount.amountMinor === amount.amountMinor) return [];
      return [{ type: E.FeeSchemeSet, data: { collaborationId, kind, amount, effectiveFromYear } }];
    }
    case C.RecordFigure: {
      const { organisationId, kind, value, effectiveFrom } = command.data;
      if (!hasEverBeenMember(c, organisationId)) throw new InvalidCollaborationRequest('organisationId', 'is not a member of the collaboration');
      requireOneOf(kind, FIGURE_KINDS, 'kind');
      const min = kind === 'inhabitants' ? 1 : 0;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > MAX_FIGURE) {
        throw new InvalidCollaborationRequest('value', `must be a whole number from ${min} to ${MAX_FIGURE}`);
      }
      requireDate(effectiveFrom, 'effectiveFrom');
      const same = c.figures.some((f) => f.organisationId === organisationId && f.kind === kind && f.effectiveFrom === effectiveFrom && f.value === value);
      return same ? [] : [{ type: E.FigureRecorded, data: { collaborationId, organisationId, kind, value, effectiveFrom } }];
    }
    case C.SetHourlyRate: {
      const rate = requireMoney(c, command.data.rate, 'rate', 1);
      const { effectiveFrom } = command.data;
      requireDate(effectiveFrom, 'effectiveFrom');
      const same = c.hourlyRates.some((r) => r.effectiveFrom === effectiveFrom && r.rate.amountMinor === rate.amountMinor);
      return same ? [] : [{ type: E.HourlyRateSet, data: { collaborationId, rate, effectiveFrom } }];
    }
    case C.RegisterProject: {
      const { projectId, name, kind, costKey, minimumParticipants } = command.data;
      requireText(projectId, 'projectId');
      requireText(name, 'name');
      requireOneOf(kind, PROJECT_KINDS, 'kind');
      requireOneOf(costKey, COST_KEYS, 'costKey');
      if (!Number.isSafeInteger(minimumParticipants) || minimumParticipants < 1 || minimumParticipants > MAX_PARTICIPANTS) {
        throw new InvalidCollaborationRequest('minimumParticipants', `must be a whole number from 1 to ${MAX_PARTICIPANTS}`);
      }
      const proposalId = optionalText(command.data.proposalId);
      const data = { collaborationId, projectId, name, kind, costKey, minimumParticipants, proposalId };
      const existing = c.projects.find((p) => p.projectId === projectId);
      if (existing) {
        const same = existing.name === name && existing.kind === kind && existing.costKey === costKey && existing.minimumParticipants === minimumParticipants && existing.proposalId === proposalId;
        if (same) return [];
        throw new CollaborationIdInUse('projectId', projectId);
      }
      return [{ type: E.ProjectRegistered, data }];
    }
    case C.OptOut:
    case C.OptIn: {
      const { projectId, organisationId } = command.data;
      const project = projectOf(c, projectId);
      if (project.status === 'started') throw new ProjectAlreadyStarted(projectId, project.startedOn!);
      if (!openPeriod(c, organisationId)) throw new InvalidCollaborationRequest('organisationId', 'is not a member of the collaboration');
      const takesPart = project.kind === 'joint' ? !project.optedOut.some((o) => o.organisationId === organisationId) : project.optedIn.includes(organisationId);
      if (command.type === C.OptIn) return takesPart ? [] : [{ type: E.OptedIn, data: { collaborationId, projectId, organisationId } }];
      const reason = optionalText(command.data.reason);
      return takesPart ? [{ type: E.OptedOut, data: { collaborationId, projectId, organisationId, reason } }] : [];
    }
    case C.StartProject: {
      const { projectId, startedOn } = command.data;
      const project = projectOf(c, projectId);
      requireDate(startedOn, 'startedOn');
      if (project.status === 'started') {
        if (project.startedOn === startedOn) return [];
        throw new ProjectAlreadyStarted(projectId, project.startedOn!);
      }
      const participants = participantsOn(c, project, startedOn);
      if (participants.length < project.minimumParticipants) throw new TooFewParticipants(projectId, project.minimumParticipants, participants);
      return [{ type: E.ProjectStarted, data: { collaborationId, projectId, startedOn, participants } }];
    }
    case C.RecordCost: {
      const { projectId, costId, description, incurredOn, paidBy } = command.data;
      const project = startedProject(c, projectId);
      requireText(costId, 'costId');
      requireText(description, 'description');
      const amount = requireMoney(c, command.data.amount, 'amount', 1);
      requireDateInProject(project, incurredOn, 'incurredOn');
      if (!isMemberOn(c, paidBy, incurredOn)) throw new InvalidCollaborationRequest('paidBy', `was not a member on ${incurredOn}`);
      if (participantsOn(c, project, incurredOn).length === 0) throw new InvalidCollaborationRequest('incurredOn', `project ${projectId} has no participants on that day`);
      const data = { collaborationId, projectId, costId, description, amount, incurredOn, paidBy };
      const existing = c.costs.find((x) => x.costId === costId);
      if (existing) {
        const same = existing.projectId === projectId && existing.description === description && existing.amount.amountMinor === amount.amountMinor && existing.incurredOn === incurredOn && existing.paidBy === paidBy;
        if (same) return [];
        throw new CollaborationIdInUse('costId', costId);
      }
      requireYearOpen(c, incurredOn, 'incurredOn');
      return [{ type: E.CostRecorded, data }];
    }
    case C.RecordHours: {
      const { projectId, entryId, organisationId, workedOn, hours } = command.data;
      const project = startedProject(c, projectId);
      requireText(entryId, 'entryId');
      requireDateInProject(project, workedOn, 'workedOn');
      if (!participatesOn(c, project, organisationId, workedOn)) {
        throw new InvalidCollaborationRequest('organisationId', `does not take part in project ${projectId} on ${workedOn}`);
      }
      const hundredths = requireHours(hours);
      if (!rateOn(c.hourlyRates, workedOn)) throw new InvalidCollaborationRequest('workedOn', `no hourly rate is in force on ${workedOn}: set one first`);
      const description = optionalText(command.data.description);
      const existing = c.hours.find((h) => h.entryId === entryId);
      if (existing) {
        const same = existing.projectId === projectId && existing.organisationId === organisationId && existing.workedOn === workedOn && existing.hundredths === hundredths && existing.description === description;
        if (same) return [];
        throw new CollaborationIdInUse('entryId', entryId);
      }
      requireYearOpen(c, workedOn, 'workedOn');
      return [{ type: E.HoursRecorded, data: { collaborationId, projectId, entryId, organisationId, workedOn, hundredths, description } }];
    }
    case C.IssueSettlement: {
      const { year } = command.data;
      requireYear(year, 'year');
      if (c.settlements.some((s) => s.year === year)) throw new SettlementAlreadyIssued(collaborationId, year);
      return [{ type: E.SettlementIssued, data: { collaborationId, year, basedOnVersion: c.version, statement: settlementFor(c, year) } }];
    }
  }
}

function projectOf(c: Collaboration, projectId: string): Project {
  const project = c.projects.find((p) => p.projectId === projectId);
  if (!project) throw new ProjectNotFound(c.collaborationId, projectId);
  return project;
}

function startedProject(c: Collaboration, projectId: string): Project {
  const project = projectOf(c, projectId);
  if (project.status !== 'started') throw new ProjectNotStarted(projectId);
  return project;
}

/** After a member leaves, what is recorded must still hold: its own hours and payments before it left, and a participant for every cost. */
function requireRecordsStillHold(after: Collaboration, organisationId: string): void {
  const projects = new Map(after.projects.map((p) => [p.projectId, p]));
  const hours = after.hours.find((h) => h.organisationId === organisationId && !participatesOn(after, projects.get(h.projectId)!, organisationId, h.workedOn));
  if (hours) throw new InvalidCollaborationRequest('leftOn', `${organisationId} has hours recorded on ${hours.workedOn}, on or after that day`);
  const paid = after.costs.find((x) => x.paidBy === organisationId && !isMemberOn(after, organisationId, x.incurredOn));
  if (paid) throw new InvalidCollaborationRequest('leftOn', `${organisationId} paid a cost on ${paid.incurredOn}, on or after that day`);
  const orphan = after.costs.find((x) => participantsOn(after, projects.get(x.projectId)!, x.incurredOn).length === 0);
  if (orphan) throw new InvalidCollaborationRequest('leftOn', `project ${orphan.projectId} would have no participants to share the cost of ${orphan.incurredOn}`);
}

/**
 * An issued settlement is final and there is no supplementary one: a cost or hours dated in a settled year would be
 * in no member's statement, so the money would never be settled. It must be dated in a year not yet settled.
 */
function requireYearOpen(c: Collaboration, date: string, field: string): void {
  const year = yearOf(date);
  if (c.settlements.some((s) => s.year === year)) throw new YearAlreadySettled(c.collaborationId, year, field);
}

function requireDateInProject(project: Project, date: string, field: string): void {
  requireDate(date, field);
  if (date < project.startedOn!) throw new InvalidCollaborationRequest(field, `must be on or after the project's start, ${project.startedOn}`);
}

/** Decimal hours with at most two decimals, more than 0: returned as hundredths of an hour. */
function requireHours(hours: number): number {
  const hundredths = typeof hours === 'number' ? Math.round(hours * 100) : NaN;
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS || Math.abs(hours * 100 - hundredths) > 1e-6) {
    throw new InvalidCollaborationRequest('hours', `must be more than 0 and at most ${MAX_HOURS}, with at most two decimals`);
  }
  return hundredths;
}

/** Whole minor units, at least `min`, in the collaboration's currency. Returns only the fields Money has. */
function requireMoney(c: Collaboration, money: Money, field: string, min: number): Money {
  if (typeof money !== 'object' || money === null) throw new InvalidCollaborationRequest(field, 'must be an amount with a currency');
  const { amountMinor, currency } = money;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor < min) {
    throw new InvalidCollaborationRequest(`${field}.amountMinor`, `must be a whole number of minor units, at least ${min}`);
  }
  if (currency !== c.currency) throw new InvalidCollaborationRequest(`${field}.currency`, `must be ${c.currency}, the collaboration's currency`);
  return { amountMinor, currency };
}

function requireYear(year: number, field: string): void {
  if (!Number.isSafeInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new InvalidCollaborationRequest(field, `must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`);
}

function requireDate(date: unknown, field: string): void {
  if (!isIsoDate(date)) throw new InvalidCollaborationRequest(field, 'must be a date, YYYY-MM-DD');
}

function requireOneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (!allowed.includes(value as string)) throw new InvalidCollaborationRequest(field, `must be one of ${allowed.join(', ')}`);
}

function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidCollaborationRequest(field, 'must not be empty');
}

function optionalText(text: unknown): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}
