/**
 * A pack may be frozen only if JSON can carry it unchanged and it describes this agenda: the same meeting and the
 * same items in the same order. A pack that drifted from the agenda would make the record say something the forum
 * was never shown. Throws InvalidAgendaPack with a path into the pack.
 */
import { CURRENCIES } from '../../../shared-kernel/money.js';
import { parseInstant } from '../meetings/zoned-time.js';
import type { AgendaItem } from './agenda-item.js';
import type { AgendaPack, AgendaPackItem, RequestSummary } from './agenda-pack.js';
import type { ExistingAgenda } from './agenda-state.js';
import { canonicalJson, NotCanonicalJson } from './canonical-json.js';
import { InvalidAgendaPack } from './errors.js';

export function validateAgendaPack(pack: AgendaPack, agenda: ExistingAgenda): void {
  try {
    canonicalJson(pack);
  } catch (error) {
    if (error instanceof NotCanonicalJson) throw new InvalidAgendaPack(error.path.replace(/^\$\.?/, '') || '$', error.reason);
    throw error;
  }
  check(isRecord(pack), '$', 'must be an object');
  check(isRecord(pack.meeting), 'meeting', 'must be an object');
  check(pack.meeting.meetingId === agenda.meetingId, 'meeting.meetingId', `must be the agenda's meeting ${agenda.meetingId}`);
  check(pack.meeting.forumId === agenda.forumId, 'meeting.forumId', `must be the agenda's forum ${agenda.forumId}`);
  check(parseInstant(pack.meeting.startsAt) !== null, 'meeting.startsAt', 'must be an ISO 8601 date-time with an offset');
  if (pack.scoringModel !== null) {
    check(isRecord(pack.scoringModel) && isText(pack.scoringModel.id), 'scoringModel.id', 'must not be empty');
    check(isPositiveInteger(pack.scoringModel.version), 'scoringModel.version', 'must be a positive whole number');
  }
  if (pack.fundingPool !== null) {
    const pool = pack.fundingPool;
    check(isRecord(pool) && isText(pool.poolId), 'fundingPool.poolId', 'must not be empty');
    check(Number.isInteger(pool.year), 'fundingPool.year', 'must be a year');
    checkMoney(pool.amount, 'fundingPool.amount', { nonNegative: true });
    checkMoney(pool.committed, 'fundingPool.committed', { nonNegative: true });
    checkMoney(pool.available, 'fundingPool.available', { nonNegative: false });
    const currencies = new Set([pool.amount.currency, pool.committed.currency, pool.available.currency]);
    check(currencies.size === 1, 'fundingPool', 'amount, committed and available must be in one currency');
  }
  check(Array.isArray(pack.items), 'items', 'must be a list');
  check(pack.items.length === agenda.items.length, 'items', `must list the agenda's ${agenda.items.length} items`);
  pack.items.forEach((item, index) => checkItem(item, agenda.items[index], index, pack.scoringModel !== null));
  checkRequests(pack.prioritisedRequests, 'prioritisedRequests', true);
  checkRequests(pack.unprioritisedRequests, 'unprioritisedRequests', false);
  const listed = [...pack.prioritisedRequests, ...pack.unprioritisedRequests].map((request) => request.proposalId);
  const twice = listed.find((proposalId, index) => listed.indexOf(proposalId) !== index);
  check(twice === undefined, 'unprioritisedRequests', `proposal ${twice} is listed more than once`);
}

function checkItem(item: AgendaPackItem, expected: AgendaItem, index: number, scored: boolean): void {
  const path = `items[${index}]`;
  check(isRecord(item), path, 'must be an object');
  for (const field of ['itemId', 'kind', 'title', 'proposalId', 'decisionAsked'] as const) {
    check(item[field] === expected[field], `${path}.${field}`, `must match the agenda's item ${index + 1}`);
  }
  check(item.order === index + 1, `${path}.order`, `must be ${index + 1}, the item's place on the agenda`);
  if (item.proposal === null) {
    check(item.kind !== 'decision', `${path}.proposal`, 'a decision item must carry the proposal as it stands');
    check(item.scores === null, `${path}.scores`, 'only an item with a proposal carries scores');
    return;
  }
  check(isRecord(item.proposal), `${path}.proposal`, 'must be an object');
  check(item.proposal.proposalId === item.proposalId, `${path}.proposal.proposalId`, "must be the item's proposal");
  check(isPositiveInteger(item.proposal.version), `${path}.proposal.version`, 'must be a positive whole number');
  check(isRecord(item.proposal.content), `${path}.proposal.content`, 'must be an object');
  if (item.scores === null) return;
  check(scored, `${path}.scores`, 'scores need the scoring model they were computed with');
  check(isRecord(item.scores) && Array.isArray(item.scores.criteria), `${path}.scores.criteria`, 'must be a list');
  item.scores.criteria.forEach((criterion, at) => {
    const criterionPath = `${path}.scores.criteria[${at}]`;
    check(isRecord(criterion) && isText(criterion.criterionId), `${criterionPath}.criterionId`, 'must not be empty');
    check(typeof criterion.score === 'number' && typeof criterion.weight === 'number', criterionPath, 'score and weight must be numbers');
  });
  check(typeof item.scores.weightedScore === 'number', `${path}.scores.weightedScore`, 'must be a number');
  check(item.scores.rank === null || isPositiveInteger(item.scores.rank), `${path}.scores.rank`, 'must be a positive whole number or null');
}

function checkRequests(requests: readonly RequestSummary[], path: string, ranked: boolean): void {
  check(Array.isArray(requests), path, 'must be a list');
  requests.forEach((request, index) => {
    const at = `${path}[${index}]`;
    check(isRecord(request) && isText(request.proposalId), `${at}.proposalId`, 'must not be empty');
    check(typeof request.title === 'string', `${at}.title`, 'must be text');
    if (ranked) check(isPositiveInteger(request.rank), `${at}.rank`, 'a prioritised request must have a rank');
    else check(request.rank === null || isPositiveInteger(request.rank), `${at}.rank`, 'must be a positive whole number or null');
    checkMoney(request.requestedAmount, `${at}.requestedAmount`, { nonNegative: true });
  });
}

function checkMoney(value: unknown, path: string, { nonNegative }: { nonNegative: boolean }): void {
  const knownCurrency = isRecord(value) && (CURRENCIES as readonly unknown[]).includes(value.currency);
  check(knownCurrency, `${path}.currency`, `must be one of ${CURRENCIES.join(', ')}`);
  const amountMinor = value.amountMinor as number;
  const valid = Number.isSafeInteger(amountMinor) && (!nonNegative || amountMinor >= 0);
  const rule = nonNegative ? 'must be a non-negative whole number of minor units' : 'must be a whole number of minor units';
  check(valid, `${path}.amountMinor`, rule);
}

function check(condition: boolean, field: string, reason: string): asserts condition {
  if (!condition) throw new InvalidAgendaPack(field, reason);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}
