import { isCalendarDate } from '../../governance/domain/forums/calendar-date.js';
import { CostAllocationKeyCommandType, type CostAllocationKeyCommand, type PartyInput, type TermsInput } from './commands.js';
import { ALLOCATION_BASES, FULL_PERCENTAGE_WEIGHT, MAX_PARTIES, WEIGHT_SCALE, type AllocationBasis, type KeyParty, type KeyTerms } from './cost-allocation-key.js';
import { CostAllocationKeyAlreadyExists, CostAllocationKeyNotFound, InvalidCostAllocationKey, TermsAlreadyEffective } from './errors.js';
import { CostAllocationKeyEventType, type CostAllocationKeyEvent } from './events.js';
import type { CostAllocationKeyState } from './state.js';

const NAME_MAX = 200;
const SOURCE_MAX = 500;

/**
 * The rules of a cost allocation key: defined once with a basis; its terms (who shares, with which figures) have
 * effective dates, one set per date, and every set is kept. Figures must be able to split something: at least one
 * party with a positive weight, percentages summing to 100. Returns events or throws.
 */
export function decide(command: CostAllocationKeyCommand, state: CostAllocationKeyState): CostAllocationKeyEvent[] {
  switch (command.type) {
    case CostAllocationKeyCommandType.Define: {
      const { keyId, organisationId, name, basis } = command.data;
      if (state.status !== 'none') throw new CostAllocationKeyAlreadyExists(keyId);
      requireText(keyId, 'keyId', NAME_MAX);
      requireText(organisationId, 'organisationId', NAME_MAX);
      requireText(name, 'name', NAME_MAX);
      if (!(ALLOCATION_BASES as readonly string[]).includes(basis)) throw new InvalidCostAllocationKey('basis', `must be one of ${ALLOCATION_BASES.join(', ')}`);
      const terms = validTerms(basis, command.data.terms);
      return [{ type: CostAllocationKeyEventType.Defined, data: { keyId, organisationId, name: name.trim(), basis, terms } }];
    }
    case CostAllocationKeyCommandType.AddTerms: {
      if (state.status === 'none') throw new CostAllocationKeyNotFound(command.data.keyId);
      const terms = validTerms(state.basis, command.data.terms);
      if (state.terms.some((t) => t.effectiveFrom === terms.effectiveFrom)) throw new TermsAlreadyEffective(state.keyId, terms.effectiveFrom);
      return [{ type: CostAllocationKeyEventType.TermsAdded, data: { keyId: state.keyId, terms } }];
    }
  }
}

function validTerms(basis: AllocationBasis, input: TermsInput): KeyTerms {
  if (typeof input !== 'object' || input === null) throw new InvalidCostAllocationKey('terms', 'must state the effective date and the parties');
  if (!isCalendarDate(input.effectiveFrom)) throw new InvalidCostAllocationKey('terms.effectiveFrom', 'must be a calendar date YYYY-MM-DD');
  const source = input.source == null || input.source.trim() === '' ? null : input.source.trim();
  if (source !== null && source.length > SOURCE_MAX) throw new InvalidCostAllocationKey('terms.source', `must be at most ${SOURCE_MAX} characters`);
  if (!Array.isArray(input.parties) || input.parties.length < 1 || input.parties.length > MAX_PARTIES) {
    throw new InvalidCostAllocationKey('terms.parties', `must name 1 to ${MAX_PARTIES} parties`);
  }
  const seen = new Set<string>();
  const parties = input.parties.map((p, i) => {
    const field = `terms.parties[${i}]`;
    requireText(p?.partyId, `${field}.partyId`, NAME_MAX);
    if (seen.has(p.partyId)) throw new InvalidCostAllocationKey(`${field}.partyId`, `names ${p.partyId} twice`);
    seen.add(p.partyId);
    const name = p.name == null || p.name.trim() === '' ? null : p.name.trim();
    if (name !== null && name.length > NAME_MAX) throw new InvalidCostAllocationKey(`${field}.name`, `must be at most ${NAME_MAX} characters`);
    return { partyId: p.partyId, name, weight: weightOf(basis, p, `${field}.quantity`) };
  });
  const total = parties.reduce((sum, p) => sum + p.weight, 0);
  if (basis === 'percentage' && total !== FULL_PERCENTAGE_WEIGHT) {
    throw new InvalidCostAllocationKey('terms.parties', `percentages must add up to 100, not ${total / WEIGHT_SCALE.percentage}`);
  }
  if (total === 0) throw new InvalidCostAllocationKey('terms.parties', 'at least one party must have a quantity above 0');
  if (!Number.isSafeInteger(total)) throw new InvalidCostAllocationKey('terms.parties', 'the quantities are too large to add up exactly');
  return { effectiveFrom: input.effectiveFrom, source, parties };
}

/** The quantity in the basis's integer unit: whole inhabitants and usage units, FTE and percent to two decimals. */
function weightOf(basis: AllocationBasis, party: PartyInput, field: string): KeyParty['weight'] {
  const { quantity } = party;
  if (basis === 'equal') {
    if (quantity != null) throw new InvalidCostAllocationKey(field, 'must be absent: an equal split takes no quantities');
    return 1;
  }
  const scale = WEIGHT_SCALE[basis];
  const unit = { inhabitants: 'a whole number of inhabitants', fte: 'a number of FTE with at most two decimals', usage: 'a whole number of usage units', percentage: 'a percentage with at most two decimals' }[basis];
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0) throw new InvalidCostAllocationKey(field, `must be ${unit}, at least 0`);
  const weight = Math.round(quantity * scale);
  // FTE and percentages arrive as decimals: accept them only when they are whole hundredths
  if (!Number.isSafeInteger(weight) || Math.abs(quantity * scale - weight) > 1e-6) throw new InvalidCostAllocationKey(field, `must be ${unit}, at least 0`);
  return weight;
}

function requireText(text: unknown, field: string, max: number): asserts text is string {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidCostAllocationKey(field, 'must not be empty');
  if (text.length > max) throw new InvalidCostAllocationKey(field, `must be at most ${max} characters`);
}
