import type { Person } from '../../proposals/domain/proposal-form.js';
import { CURRENCIES, type Money } from '../../shared-kernel/money.js';
import { InvalidBenefitRequest } from './errors.js';
import { isCalendarDate, type IsoDate } from './periods.js';

export function requireText(text: unknown, field: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidBenefitRequest(field, 'must not be empty');
  return text;
}

export const optionalText = (text: unknown): string | null => (typeof text === 'string' && text.trim() !== '' ? text : null);

export function requireWhole(value: unknown, field: string, min = Number.MIN_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidBenefitRequest(field, min === 0 ? 'must be a whole number, at least 0' : 'must be a whole number');
  }
  return value;
}

/** Whole minor units, at least 0, in a known currency (and in `currency` when given). Returns only Money's fields. */
export function requireMoney(money: Money, field: string, currency?: string): Money {
  if (typeof money !== 'object' || money === null) throw new InvalidBenefitRequest(field, 'must be an amount with a currency');
  const { amountMinor } = money;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new InvalidBenefitRequest(`${field}.amountMinor`, 'must be a whole number of minor units, at least 0');
  }
  if (!(CURRENCIES as readonly string[]).includes(money.currency)) throw new InvalidBenefitRequest(`${field}.currency`, `must be one of ${CURRENCIES.join(', ')}`);
  if (currency !== undefined && money.currency !== currency) throw new InvalidBenefitRequest(`${field}.currency`, `must be ${currency}, the business case's currency`);
  return { amountMinor, currency: money.currency };
}

export function requireDate(date: unknown, field: string): IsoDate {
  if (!isCalendarDate(date)) throw new InvalidBenefitRequest(field, 'must be a date, YYYY-MM-DD');
  return date;
}

/** A date no later than today. */
export function requirePastDate(date: unknown, field: string, today: IsoDate): IsoDate {
  const day = requireDate(date, field);
  if (day > today) throw new InvalidBenefitRequest(field, `must not be after today (${today})`);
  return day;
}

/** A name and an email, and nothing else: personal data travels as one object. */
export function requirePerson(person: Person | null | undefined, field: string): Person {
  if (typeof person !== 'object' || person === null) throw new InvalidBenefitRequest(field, 'needs a name and an email');
  const name = requireText(person.name, `${field}.name`);
  const email = requireText(person.email, `${field}.email`);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new InvalidBenefitRequest(`${field}.email`, 'must be an email address');
  return { name, email };
}
