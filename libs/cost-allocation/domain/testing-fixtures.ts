/** Builders for the cost allocation domain's specs. Test-only (excluded from the build). */
import type { Money } from '../../shared-kernel/money.js';
import { CostAllocationKeyCommandType, type AddCostAllocationTerms, type DefineCostAllocationKey, type TermsInput } from './commands.js';
import type { AllocationBasis, KeyTerms } from './cost-allocation-key.js';
import { CostAllocationKeyEventType, type CostAllocationKeyDefined, type CostAllocationTermsAdded } from './events.js';

export const KEY_ID = 'key-1';
export const ORGANISATION_ID = '4k';
export const dkk = (amountMinor: number): Money => ({ amountMinor, currency: 'DKK' });

/** 4K's four municipalities, with their population on 1 January 2027 (illustrative figures). */
export const FOUR_K_INHABITANTS: TermsInput = {
  effectiveFrom: '2027-01-01',
  source: 'Danmarks Statistik FOLK1A, 1 January 2027',
  parties: [
    { partyId: 'gentofte', name: 'Gentofte Kommune', quantity: 75_000 },
    { partyId: 'gladsaxe', name: 'Gladsaxe Kommune', quantity: 70_000 },
    { partyId: 'lyngby-taarbaek', name: 'Lyngby-Taarbæk Kommune', quantity: 57_000 },
    { partyId: 'rudersdal', name: 'Rudersdal Kommune', quantity: 57_000 },
  ],
};

export function define(basis: AllocationBasis = 'inhabitants', terms: TermsInput = FOUR_K_INHABITANTS, name = 'Welfare technology pool, per inhabitant'): DefineCostAllocationKey {
  return { type: CostAllocationKeyCommandType.Define, data: { keyId: KEY_ID, organisationId: ORGANISATION_ID, name, basis, terms } };
}

export function addTerms(terms: TermsInput): AddCostAllocationTerms {
  return { type: CostAllocationKeyCommandType.AddTerms, data: { keyId: KEY_ID, terms } };
}

/** The terms as recorded: the input with weights (quantities are whole inhabitants here, so weight = quantity). */
export function recorded(terms: TermsInput, scale = 1): KeyTerms {
  return {
    effectiveFrom: terms.effectiveFrom,
    source: terms.source ?? null,
    parties: terms.parties.map((p) => ({ partyId: p.partyId, name: p.name ?? null, weight: p.quantity == null ? 1 : Math.round(p.quantity * scale) })),
  };
}

export function defined(basis: AllocationBasis = 'inhabitants', terms: TermsInput = FOUR_K_INHABITANTS, scale = 1): CostAllocationKeyDefined {
  return {
    type: CostAllocationKeyEventType.Defined,
    data: { keyId: KEY_ID, organisationId: ORGANISATION_ID, name: 'Welfare technology pool, per inhabitant', basis, terms: recorded(terms, scale) },
  };
}

export function termsAdded(terms: TermsInput, scale = 1): CostAllocationTermsAdded {
  return { type: CostAllocationKeyEventType.TermsAdded, data: { keyId: KEY_ID, terms: recorded(terms, scale) } };
}
