import type { OrderDecision, RankingCandidate } from './ranking-order.js';
import type { ScoringModelContent } from './scoring-model.js';

export const FIRST_ROW_EXPLANATION =
  'Ranked first. Order: mandatory (legal requirement) first, then weighted score, then the higher score on each ' +
  'criterion in model order, then earlier submission, then proposal id.';

/** Says, in words for the forum's minutes, what placed `row` directly below `above`. */
export function explainPlacement(
  decision: OrderDecision,
  above: RankingCandidate,
  row: RankingCandidate,
  model: ScoringModelContent,
): string {
  const other = above.proposalId;
  switch (decision.rule) {
    case 'mandatory': {
      const rule = model.mandatoryCriterion!;
      const criterion = labelOf(model, rule.criterionId);
      return `Below ${other}, which is mandatory (${criterion} scored at least ${rule.minimumScore}); this proposal is not.`;
    }
    case 'weighted_score':
      return `Weighted score ${describe(row)} is lower than ${describe(above)} for ${other}.`;
    case 'criterion': {
      const id = decision.criterionId!;
      const position = model.criteria.findIndex((c) => c.id === id);
      const equalBefore = model.criteria.slice(0, position).map((c) => c.id);
      return (
        `Tied with ${other} on weighted score (${row.weightedScore.normalised}); ` +
        (equalBefore.length > 0 ? `equal on ${equalBefore.join(', ')}; ` : '') +
        `lower on ${labelOf(model, id)}: ${row.scores[id]} against ${above.scores[id]}.`
      );
    }
    case 'submitted_at':
      return (
        `Same scores as ${other} on every criterion; ` +
        `submitted later (${row.submittedAt}, ${other} at ${above.submittedAt}).`
      );
    case 'proposal_id':
      return `Same scores and submission time as ${other}; proposal id ${row.proposalId} sorts after ${other}.`;
  }
}

/** The display value and the exact fraction: two different scores can round to the same display value. */
function describe(candidate: RankingCandidate): string {
  const { numerator, denominator, normalised } = candidate.weightedScore;
  return `${normalised} (${numerator}/${denominator})`;
}

function labelOf(model: ScoringModelContent, criterionId: string): string {
  const criterion = model.criteria.find((c) => c.id === criterionId);
  return criterion ? `${criterion.id} "${criterion.label}"` : criterionId;
}
