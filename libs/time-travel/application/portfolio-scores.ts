import { weightedScore } from '../../prioritisation/domain/index.js';
import type { PortfolioHistoryState } from './portfolio-history.state.js';

/** A project's score as `portfolio_project_scores` holds it. */
export interface ScoreRow {
  readonly proposalId: string;
  readonly scoreHundredths: number;
  readonly forumId: string;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Each proposal's current weighted score at the state's point, by the directors' portfolio rule (see
 * PortfolioScoresProjection): over the effective score sets for the current version of an active model of the same
 * forum, the highest normalised score; ties to the lowest forum id, then model id. Incomplete sets do not count.
 */
export function portfolioScores(state: PortfolioHistoryState): Map<string, ScoreRow> {
  const best = new Map<string, ScoreRow>();
  for (const set of Object.values(state.scoreSets)) {
    const model = state.models[set.modelId];
    if (!model || model.status !== 'active' || model.forumId !== set.forumId || model.versions.length !== set.modelVersion) continue;
    let candidate: ScoreRow;
    try {
      const w = weightedScore(model.versions[set.modelVersion - 1], set.scores);
      candidate = {
        proposalId: set.proposalId,
        scoreHundredths: Number(w.normalised.replace('.', '')),
        forumId: set.forumId,
        modelId: set.modelId,
        modelVersion: set.modelVersion,
        numerator: w.numerator,
        denominator: w.denominator,
      };
    } catch {
      continue; // not a complete score set for this version: unscored there
    }
    const current = best.get(set.proposalId);
    if (current === undefined || beats(candidate, current)) best.set(set.proposalId, candidate);
  }
  return best;
}

function beats(a: ScoreRow, b: ScoreRow): boolean {
  if (a.scoreHundredths !== b.scoreHundredths) return a.scoreHundredths > b.scoreHundredths;
  if (a.forumId !== b.forumId) return a.forumId < b.forumId;
  return a.modelId < b.modelId;
}
