/**
 * Rules every recorded value keeps (shape and length limits are the HTTP layer's job). Each throws InvalidForum
 * for the first broken rule, in field order, so the answer is deterministic. Field paths are relative to the command's data.
 */
import { INVESTMENT_AREAS } from '../../../proposals/domain/proposal-form.js';
import { CURRENCIES, type Money } from '../../../shared-kernel/money.js';
import { isCalendarDate } from './calendar-date.js';
import { DECISION_METHODS, type DecisionRule, type Quorum } from './decision-rule.js';
import { InvalidForum } from './errors.js';
import { FORUM_KINDS } from './forum-kind.js';
import { isFractionOfWhole } from './fraction.js';
import { DECISION_KINDS, type Mandate } from './mandate.js';
import { MEMBER_ROLES, type MemberPerson } from './membership.js';

export function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidForum(field, 'must not be empty');
}

export function requireOneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new InvalidForum(field, `must be one of ${allowed.join(', ')}`);
}

export function requireDate(value: unknown, field: string): void {
  if (!isCalendarDate(value)) throw new InvalidForum(field, 'must be a calendar date YYYY-MM-DD');
}

export function validateForumKind(kind: unknown): void {
  requireOneOf(kind, FORUM_KINDS, 'kind');
}

export function validateRole(role: unknown): void {
  requireOneOf(role, MEMBER_ROLES, 'role');
}

export function validatePerson(person: MemberPerson): void {
  requireText(person?.name, 'person.name');
  if (person.email !== undefined) requireText(person.email, 'person.email');
}

export function validateMandate(mandate: Mandate): void {
  if (typeof mandate !== 'object' || mandate === null) throw new InvalidForum('mandate', 'must be given');
  validateList(mandate.investmentAreas, 'mandate.investmentAreas', (area, field) => requireOneOf(area, INVESTMENT_AREAS, field));
  validateList(mandate.departmentIds, 'mandate.departmentIds', requireText);
  validateList(mandate.decisionKinds, 'mandate.decisionKinds', (kind, field) => requireOneOf(kind, DECISION_KINDS, field));
  if (mandate.maximumAmount !== null) validateMoney(mandate.maximumAmount, 'mandate.maximumAmount');
}

export function validateDecisionRule(rule: DecisionRule): void {
  requireOneOf(rule?.kind, DECISION_METHODS, 'decisionRule.kind');
  if (rule.kind === 'qualified_majority') {
    const threshold = rule.threshold;
    // At most half would let a tie (or a minority) carry: that is not a qualified majority.
    if (!threshold || !isFractionOfWhole(threshold) || 2 * threshold.numerator <= threshold.denominator) {
      throw new InvalidForum('decisionRule.threshold', 'must be whole numbers with 1/2 < numerator/denominator <= 1');
    }
  }
  validateQuorum(rule.quorum);
}

function validateQuorum(quorum: Quorum): void {
  requireOneOf(quorum?.kind, ['count', 'fraction'], 'decisionRule.quorum.kind');
  if (quorum.kind === 'count' && !(Number.isSafeInteger(quorum.count) && quorum.count > 0)) {
    throw new InvalidForum('decisionRule.quorum.count', 'must be a whole number of members, at least 1');
  }
  if (quorum.kind === 'fraction' && !isFractionOfWhole(quorum)) {
    throw new InvalidForum('decisionRule.quorum', 'must be whole numbers with 0 < numerator <= denominator');
  }
}

function validateList<T>(list: readonly T[], field: string, validateItem: (item: T, field: string) => void): void {
  if (!Array.isArray(list)) throw new InvalidForum(field, 'must be a list');
  list.forEach((item, i) => validateItem(item, `${field}.${i}`));
  const duplicate = list.find((item, i) => list.indexOf(item) !== i);
  if (duplicate !== undefined) throw new InvalidForum(field, `lists ${String(duplicate)} more than once`);
}

function validateMoney(money: Money, field: string): void {
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0) {
    throw new InvalidForum(`${field}.amountMinor`, 'must be a non-negative whole number of minor units (øre)');
  }
  requireOneOf(money.currency, CURRENCIES, `${field}.currency`);
}
