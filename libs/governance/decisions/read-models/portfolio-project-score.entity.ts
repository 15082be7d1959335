import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * A portfolio project's current weighted score, as the directors' portfolio filters and sorts by it: one row per
 * scored proposal, kept by `PortfolioScoresProjection`. Absent: the proposal has no complete effective score set
 * for the current version of any active scoring model of a forum.
 *
 * Rule when a proposal is scored in several forums (or under several active models of one forum): the highest
 * normalised score counts; on equal normalised scores, the lowest forum id, then the lowest model id.
 */
@Entity('portfolio_project_scores')
@Index('portfolio_project_scores_by_score', ['scoreHundredths', 'proposalId'])
export class PortfolioProjectScore {
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId: string;
  /** The normalised score (0..100, two decimals) in hundredths: 0..10000. */
  @Column('integer', { name: 'score_hundredths' }) scoreHundredths: number;
  @Column('text', { name: 'forum_id' }) forumId: string;
  @Column('text', { name: 'model_id' }) modelId: string;
  @Column('integer', { name: 'model_version' }) modelVersion: number;
  @Column('bigint', { transformer: bigintAsNumber }) numerator: number;
  @Column('bigint', { transformer: bigintAsNumber }) denominator: number;
}

/** The score as the portfolio shows it. */
export interface PortfolioScore {
  /** '0.00'..'100.00' */
  readonly normalised: string;
  /** Exact: `numerator / denominator`. */
  readonly numerator: number;
  readonly denominator: number;
  readonly forumId: string;
  readonly modelId: string;
  readonly modelVersion: number;
}

export const formatHundredths = (h: number): string => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

export function toPortfolioScore(row: PortfolioProjectScore): PortfolioScore {
  return {
    normalised: formatHundredths(row.scoreHundredths),
    numerator: row.numerator,
    denominator: row.denominator,
    forumId: row.forumId,
    modelId: row.modelId,
    modelVersion: row.modelVersion,
  };
}
