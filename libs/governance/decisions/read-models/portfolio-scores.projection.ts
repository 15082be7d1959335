import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../../event-store/index.js';
import {
  ScorecardEventType,
  ScoringModelEventType,
  weightedScore,
  type AssessorKind,
  type ScoreMap,
  type ScoreSetRecordedData,
  type ScoringModelContent,
  type ScoringModelRetiredData,
  type ScoringModelVersion,
} from '../../../prioritisation/domain/index.js';
import { replacesEffective } from '../../../prioritisation/read-models/forum-ranking.projection.js';
import type { Projection } from '../../../projections/index.js';

const MODEL_EVENTS: readonly string[] = Object.values(ScoringModelEventType);

interface ScoreSetRow {
  forum_id: string;
  model_id: string;
  model_version: number;
  proposal_id: string;
  assessor_kind: AssessorKind;
  scores: ScoreMap;
}

/**
 * Keeps each portfolio project's current weighted score (`portfolio_project_scores`) from the scoring-model and
 * scorecard events alone, so it rebuilds identically from the log. Its own working tables: the current version of
 * each scoring model (`portfolio_scoring_models`) and the effective score set per forum, model version and proposal
 * (`portfolio_score_sets`, folded with the ranking's rule `replacesEffective`).
 *
 * A proposal's score: for each forum's active model, the weighted score of its effective score set for the model's
 * current version (normalised 0..100 in hundredths); when it has several (several forums, or several active models
 * of one forum), the highest counts, ties to the lowest forum id, then model id. Retiring or revising a model
 * re-scores the proposals it scored.
 */
export class PortfolioScoresProjection implements Projection {
  readonly name = 'portfolio_scores';
  readonly version = 1;
  readonly handles = [...MODEL_EVENTS, ScorecardEventType.ScoreSetRecorded];
  readonly tables = ['portfolio_scoring_models', 'portfolio_score_sets', 'portfolio_project_scores'];

  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const proposals = new Set<string>();
    const models = new Set<string>();
    for (const event of events) {
      if (MODEL_EVENTS.includes(event.type)) {
        await this.applyModelEvent(event, manager);
        models.add((event.data as { modelId: string }).modelId);
      } else if (event.type === ScorecardEventType.ScoreSetRecorded) {
        const d = event.data as ScoreSetRecordedData;
        if (await this.applyScoreSet(d, manager)) proposals.add(d.proposalId);
      }
    }
    if (models.size) {
      const rows: { proposal_id: string }[] = await manager.query('SELECT DISTINCT proposal_id FROM portfolio_score_sets WHERE model_id = ANY ($1::text[])', [[...models]]);
      for (const r of rows) proposals.add(r.proposal_id);
    }
    if (proposals.size) await this.rescore([...proposals], manager);
  }

  private async applyModelEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (event.type === ScoringModelEventType.Retired) {
      const d = event.data as ScoringModelRetiredData;
      await manager.query(`UPDATE portfolio_scoring_models SET status = 'retired' WHERE model_id = $1`, [d.modelId]);
      return;
    }
    const d = event.data as ScoringModelVersion;
    const content: ScoringModelContent = { name: d.name, criteria: d.criteria, mandatoryCriterion: d.mandatoryCriterion };
    await manager.query(
      `INSERT INTO portfolio_scoring_models (model_id, forum_id, status, current_version, content) VALUES ($1, $2, 'active', $3, $4::jsonb)
       ON CONFLICT (model_id) DO UPDATE SET forum_id = EXCLUDED.forum_id, current_version = EXCLUDED.current_version, content = EXCLUDED.content`,
      [d.modelId, d.forumId, d.version, JSON.stringify(content)],
    );
  }

  /** True when the recorded set became the effective one. */
  private async applyScoreSet(d: ScoreSetRecordedData, manager: EntityManager): Promise<boolean> {
    const key = [d.forumId, d.modelId, d.modelVersion, d.proposalId];
    const current: ScoreSetRow[] = await manager.query(
      'SELECT assessor_kind FROM portfolio_score_sets WHERE forum_id = $1 AND model_id = $2 AND model_version = $3 AND proposal_id = $4',
      key,
    );
    const existing = current[0] ? { assessorKind: current[0].assessor_kind } : undefined;
    if (!replacesEffective(existing, { assessorKind: d.assessor.kind })) return false;
    await manager.query(
      `INSERT INTO portfolio_score_sets (forum_id, model_id, model_version, proposal_id, assessor_kind, scores) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (forum_id, model_id, model_version, proposal_id) DO UPDATE SET assessor_kind = EXCLUDED.assessor_kind, scores = EXCLUDED.scores`,
      [...key, d.assessor.kind, JSON.stringify(d.scores)],
    );
    return true;
  }

  private async rescore(proposalIds: string[], manager: EntityManager): Promise<void> {
    const rows: (ScoreSetRow & { content: ScoringModelContent })[] = await manager.query(
      `SELECT s.forum_id, s.model_id, s.model_version, s.proposal_id, s.scores, m.content
         FROM portfolio_score_sets s
         JOIN portfolio_scoring_models m
           ON m.model_id = s.model_id AND m.forum_id = s.forum_id AND m.status = 'active' AND m.current_version = s.model_version
        WHERE s.proposal_id = ANY ($1::uuid[])`,
      [proposalIds],
    );
    const best = new Map<string, { hundredths: number; forumId: string; modelId: string; modelVersion: number; numerator: number; denominator: number }>();
    for (const r of rows) {
      let hundredths: number;
      let score: { numerator: number; denominator: number };
      try {
        const w = weightedScore(r.content, r.scores);
        hundredths = Number(w.normalised.replace('.', ''));
        score = w;
      } catch {
        continue; // not a complete score set for this version: unscored there
      }
      const candidate = { hundredths, forumId: r.forum_id, modelId: r.model_id, modelVersion: r.model_version, numerator: score.numerator, denominator: score.denominator };
      const current = best.get(r.proposal_id);
      if (current === undefined || beats(candidate, current)) best.set(r.proposal_id, candidate);
    }
    await manager.query('DELETE FROM portfolio_project_scores WHERE proposal_id = ANY ($1::uuid[])', [proposalIds]);
    const payload = [...best].map(([proposalId, b]) => ({
      proposal_id: proposalId,
      score_hundredths: b.hundredths,
      forum_id: b.forumId,
      model_id: b.modelId,
      model_version: b.modelVersion,
      numerator: b.numerator,
      denominator: b.denominator,
    }));
    if (payload.length) {
      await manager.query(
        `INSERT INTO portfolio_project_scores (proposal_id, score_hundredths, forum_id, model_id, model_version, numerator, denominator)
         SELECT proposal_id, score_hundredths, forum_id, model_id, model_version, numerator, denominator
           FROM jsonb_populate_recordset(NULL::portfolio_project_scores, $1::jsonb)`,
        [JSON.stringify(payload)],
      );
    }
  }
}

function beats(a: { hundredths: number; forumId: string; modelId: string }, b: { hundredths: number; forumId: string; modelId: string }): boolean {
  if (a.hundredths !== b.hundredths) return a.hundredths > b.hundredths;
  if (a.forumId !== b.forumId) return a.forumId < b.forumId;
  return a.modelId < b.modelId;
}
