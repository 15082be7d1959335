import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssessorKind, ScoreMap } from '../domain/index.js';

/**
 * The effective score set of a proposal in a forum for one model version (see `effectiveScores`): of each
 * assessor kind's latest assessment with that version, the forum's, else the programme office's, else the
 * department's. The primary key (forum, model, version, proposal) serves the ranking's join.
 */
@Entity('forum_ranking_scores')
export class ForumRankingScore {
  @PrimaryColumn('text', { name: 'forum_id' }) forumId: string;
  @PrimaryColumn('text', { name: 'model_id' }) modelId: string;
  @PrimaryColumn('integer', { name: 'model_version' }) modelVersion: number;
  @PrimaryColumn('uuid', { name: 'proposal_id' }) proposalId: string;
  @Column('text', { name: 'assessor_kind' }) assessorKind: AssessorKind;
  /** The assessment's place in the scorecard stream. */
  @Column('integer') sequence: number;
  @Column('jsonb') scores: ScoreMap;
}
