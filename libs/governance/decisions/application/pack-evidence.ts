import type { AgendaPack } from '../../domain/agendas/index.js';
import type { AgendaProposalExtras } from '../../domain/decisions/index.js';

/**
 * What the gate rules need from the frozen pack that the pack does not state in so many words, read from the
 * proposal as the pack copied it (never from today's proposal):
 * - the weighted score: the pack's number, with the two decimals the ranking's normalised score had;
 * - a business case: DOMAIN "Benefits": one states the investment and the expected gains, so the form must state
 *   both the development cost and the expected business value;
 * - the benefit owner: the form names no separate one, so the system owner (who answers for the solution) stands in.
 *   The decision records only that role, never the person: names and emails live encrypted in the pack, so that
 *   erasing the person (crypto-shredding) leaves nothing of them in the decision. An erased owner counts as none.
 */
export const SYSTEM_OWNER_AS_BENEFIT_OWNER = 'system-owner';

export function packEvidence(pack: AgendaPack, proposalId: string): AgendaProposalExtras {
  const item = pack.items.find((candidate) => candidate.proposalId === proposalId && candidate.proposal !== null) ?? null;
  const score = item?.scores?.weightedScore;
  const form = (item?.proposal?.content['form'] ?? {}) as {
    investment?: { developmentCost?: unknown };
    businessValue?: { expected?: unknown };
    systemOwner?: { person?: { name?: unknown; email?: unknown } | null };
  };
  const owner = form.systemOwner?.person ?? null;
  const named = owner !== null && ((typeof owner.email === 'string' && owner.email.trim() !== '') || (typeof owner.name === 'string' && owner.name.trim() !== ''));
  const ownerId = named ? SYSTEM_OWNER_AS_BENEFIT_OWNER : null;
  return {
    weightedScore: typeof score === 'number' && Number.isFinite(score) ? score.toFixed(2) : null,
    hasBusinessCase: form.investment?.developmentCost != null && typeof form.businessValue?.expected === 'string' && form.businessValue.expected.trim() !== '',
    benefitOwnerId: ownerId,
  };
}
