import { isErasedPerson } from '../../personal-data/domain/personal-data.js';
import { InvalidProposal } from './errors.js';
import { CURRENCIES, INVESTMENT_AREAS, type Money, type Person, type ProposalForm } from './proposal-form.js';

/**
 * Rules every stored form keeps, draft or not (shape and length limits are the HTTP layer's job).
 * Throws InvalidProposal for the first broken rule, in form order, so the answer is deterministic.
 */
export function validateProposalForm(form: ProposalForm): void {
  requireText(form.title, 'title');
  requireText(form.departmentId, 'departmentId');
  validateMoney(form.investment.developmentCost, 'investment.developmentCost');
  validateMoney(form.investment.yearlyOperationsCost, 'investment.yearlyOperationsCost');
  const { developmentCost, yearlyOperationsCost } = form.investment;
  // Development and operations are one investment split in two; adding them up needs one currency.
  if (developmentCost && yearlyOperationsCost && developmentCost.currency !== yearlyOperationsCost.currency) {
    throw new InvalidProposal('investment.yearlyOperationsCost', 'must be in the same currency as the development cost');
  }
  validateHours(form.ownResources.hours, 'ownResources.hours');
  if (form.systemOwner.person) validatePerson(form.systemOwner.person, 'systemOwner.person');
  form.projectLeadership.forEach((leader, i) => {
    validatePerson(leader.person, `projectLeadership.${i}.person`);
    requireText(leader.role, `projectLeadership.${i}.role`);
  });
  validateSchedule(form);
  validateHours(form.estimatedHours, 'estimatedHours');
  form.crossDepartmental.departmentIds.forEach((id, i) => requireText(id, `crossDepartmental.departmentIds.${i}`));
  if (form.investmentArea !== null && !(INVESTMENT_AREAS as readonly string[]).includes(form.investmentArea)) {
    throw new InvalidProposal('investmentArea', `must be one of ${INVESTMENT_AREAS.join(', ')}`);
  }
}

export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

function requireText(text: string, field: string): void {
  if (typeof text !== 'string' || isBlank(text)) throw new InvalidProposal(field, 'must not be empty');
}

function validateMoney(money: Money | null, field: string): void {
  if (money === null) return;
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0) {
    throw new InvalidProposal(`${field}.amountMinor`, 'must be a non-negative whole number of minor units (øre)');
  }
  if (!(CURRENCIES as readonly string[]).includes(money.currency)) {
    throw new InvalidProposal(`${field}.currency`, `must be one of ${CURRENCIES.join(', ')}`);
  }
}

function validateHours(hours: number | null, field: string): void {
  if (hours !== null && (!Number.isSafeInteger(hours) || hours < 0)) {
    throw new InvalidProposal(field, 'must be a non-negative whole number of hours');
  }
}

function validatePerson(person: Person, field: string): void {
  // an erased person (libs/personal-data) was valid when given; the form stays amendable without them
  if (isErasedPerson(person)) return;
  requireText(person.name, `${field}.name`);
  requireText(person.email, `${field}.email`);
}

function validateSchedule(form: ProposalForm): void {
  const { plannedStart, plannedEnd } = form.schedule;
  if (plannedStart !== null && !isCalendarDate(plannedStart)) {
    throw new InvalidProposal('schedule.plannedStart', 'must be a calendar date YYYY-MM-DD');
  }
  if (plannedEnd !== null && !isCalendarDate(plannedEnd)) {
    throw new InvalidProposal('schedule.plannedEnd', 'must be a calendar date YYYY-MM-DD');
  }
  // YYYY-MM-DD strings order like the dates they name.
  if (plannedStart !== null && plannedEnd !== null && plannedEnd < plannedStart) {
    throw new InvalidProposal('schedule.plannedEnd', 'must not be before the planned start');
  }
}

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
