import { createHash } from 'node:crypto';
import { canonicalJson, compareCodeUnits } from './canonical-json.js';
import type { RankingEntry } from './ranking-entry.js';
import type { RankingSelection } from './ranking-selection.js';
import type { ScoringModelVersion } from './scoring-model.js';

/**
 * SHA-256 (hex) of the canonical JSON of everything the ranking was computed from: the rules version, the whole
 * model version and the entries sorted by proposal id (only the fields the ranking reads). Equal inputs in any
 * order give the same hash, so a decision can record exactly which ranking it saw and an auditor can recompute it.
 * A selection narrowed by the forum's mandate is hashed too (the same entries chosen by another mandate are another
 * ranking); one over the whole organisation adds nothing, so every ranking hashed before mandates narrowed rankings
 * (always over the whole organisation) recomputes to the hash it was frozen with.
 */
export function rankingInputsHash(rulesVersion: number, model: ScoringModelVersion, entries: readonly RankingEntry[], selection?: RankingSelection): string {
  const narrowed = selection !== undefined && (selection.investmentAreas.length > 0 || selection.departmentIds.length > 0);
  const payload = {
    ...(narrowed && { selection: { investmentAreas: [...selection.investmentAreas], departmentIds: [...selection.departmentIds] } }),
    rulesVersion,
    model: {
      modelId: model.modelId,
      forumId: model.forumId,
      version: model.version,
      name: model.name,
      criteria: model.criteria.map(({ id, label, description, weight, scale }) => ({
        id,
        label,
        description,
        weight,
        scale: { min: scale.min, max: scale.max },
      })),
      mandatoryCriterion: model.mandatoryCriterion,
    },
    entries: [...entries]
      .sort((a, b) => compareCodeUnits(a.proposalId, b.proposalId))
      .map(({ proposalId, title, submittedAt, requestedAmount, scores }) => ({
        proposalId,
        title,
        submittedAt,
        requestedAmount: requestedAmount && { amountMinor: requestedAmount.amountMinor, currency: requestedAmount.currency },
        scores,
      })),
  };
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}
