/**
 * Which proposals a forum ranks: the submitted proposals of its organisation within the forum's mandate, i.e. in one
 * of the investment areas and one of the departments it names (an empty list names them all). A proposal that states
 * no investment area is outside a mandate that names areas: nothing shows it is inside (as the mandate check of a
 * decision reads it). The selection is stated with every ranking, and a narrowed one enters the ranking's hash.
 */
import { compareCodeUnits } from './canonical-json.js';
import { rankProposals, type Ranking } from './ranking.js';
import type { RankingEntry } from './ranking-entry.js';
import type { ScoringModelVersion } from './scoring-model.js';

export const RANKING_SELECTION_RULES = {
  /** The mandate names no area and no department. */
  organisation: 'all_submitted_proposals_of_the_organisation',
  mandate: 'submitted_proposals_within_the_forum_mandate',
} as const;
export type RankingSelectionRule = (typeof RANKING_SELECTION_RULES)[keyof typeof RANKING_SELECTION_RULES];

/** What a forum's mandate says about which proposals are its matter. */
export interface MandateScope {
  readonly investmentAreas: readonly string[];
  readonly departmentIds: readonly string[];
}

/** The rule a ranking was selected by, with the scope it applied (lists sorted, so equal scopes read alike). */
export interface RankingSelection extends MandateScope {
  readonly rule: RankingSelectionRule;
}

/** A proposal put before a forum, with what decides whether it is within the forum's mandate. */
export interface ScopedRankingEntry extends RankingEntry {
  readonly investmentArea: string | null;
  readonly departmentId: string;
}

export const WHOLE_ORGANISATION: RankingSelection = { rule: RANKING_SELECTION_RULES.organisation, investmentAreas: [], departmentIds: [] };

export function rankingSelection(scope: MandateScope): RankingSelection {
  const investmentAreas = [...new Set(scope.investmentAreas)].sort(compareCodeUnits);
  const departmentIds = [...new Set(scope.departmentIds)].sort(compareCodeUnits);
  const narrowed = investmentAreas.length > 0 || departmentIds.length > 0;
  return { rule: narrowed ? RANKING_SELECTION_RULES.mandate : RANKING_SELECTION_RULES.organisation, investmentAreas, departmentIds };
}

export function isWithinScope(entry: Pick<ScopedRankingEntry, 'investmentArea' | 'departmentId'>, scope: MandateScope): boolean {
  const areaOk = scope.investmentAreas.length === 0 || (entry.investmentArea !== null && scope.investmentAreas.includes(entry.investmentArea));
  const departmentOk = scope.departmentIds.length === 0 || scope.departmentIds.includes(entry.departmentId);
  return areaOk && departmentOk;
}

/** Ranks the entries within the forum's mandate; the result states the selection. Independent of input order. */
export function rankWithinMandate(
  model: ScoringModelVersion,
  entries: readonly ScopedRankingEntry[],
  scope: MandateScope,
): { readonly selection: RankingSelection; readonly ranking: Ranking } {
  const selection = rankingSelection(scope);
  const selected = entries.filter((entry) => isWithinScope(entry, selection));
  return { selection, ranking: rankProposals(model, selected, selection) };
}
