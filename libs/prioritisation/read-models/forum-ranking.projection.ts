import { In, type EntityManager } from 'typeorm';
import type { RecordedEvent } from '../../event-store/index.js';
import { ForumEventType, type ForumEstablishedData, type ForumMandateAmendedData } from '../../governance/domain/forums/index.js';
import { ProposalEventType, type ProposalAmendedData, type ProposalDraftedData } from '../../proposals/domain/index.js';
import type { Projection } from '../../projections/index.js';
import { ASSESSMENT_PRECEDENCE, ScorecardEventType, type AssessorKind, type ScoreSetRecordedData } from '../domain/index.js';
import { ForumRankingEntry } from './forum-ranking-entry.entity.js';
import { ForumRankingMandate } from './forum-ranking-mandate.entity.js';
import { ForumRankingScore } from './forum-ranking-score.entity.js';

const PROPOSAL_EVENTS: readonly string[] = Object.values(ProposalEventType);
const MANDATE_EVENTS: readonly string[] = [ForumEventType.Established, ForumEventType.MandateAmended];

/**
 * Builds what a forum's ranking needs in a few indexed queries: `forum_ranking_entries` (one row per proposal, from
 * the proposal events), `forum_ranking_scores` (the effective score set per forum, model version and proposal, from
 * the scorecard events) and `forum_ranking_mandates` (the areas and departments each forum's mandate names, from the
 * forum events). Batch-wise: every row a batch touches is loaded in one query per table, folded in memory, and
 * written back in one upsert per table. Version 2 added the investment area and the mandates (a rebuild fills them).
 */
export class ForumRankingProjection implements Projection {
  readonly name = 'forum_rankings';
  readonly version = 2;
  readonly handles = [...PROPOSAL_EVENTS, ScorecardEventType.ScoreSetRecorded, ...MANDATE_EVENTS];
  readonly tables = ['forum_ranking_entries', 'forum_ranking_scores', 'forum_ranking_mandates'];

  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await this.applyProposalEvents(events.filter((e) => PROPOSAL_EVENTS.includes(e.type)), manager);
    await this.applyScoreSets(events.filter((e) => e.type === ScorecardEventType.ScoreSetRecorded), manager);
    await this.applyMandates(events.filter((e) => MANDATE_EVENTS.includes(e.type)), manager);
  }

  private async applyMandates(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const repository = manager.getRepository(ForumRankingMandate);
    const ids = [...new Set(events.map((e) => (e.data as { forumId: string }).forumId))];
    const rows = new Map<string, ForumRankingMandate>((await repository.findBy({ forumId: In(ids) })).map((r) => [r.forumId, r]));
    const touched = new Set<string>();
    for (const event of events) {
      const row = evolveMandate(rows.get((event.data as { forumId: string }).forumId) ?? null, event);
      if (row === null) continue;
      rows.set(row.forumId, row);
      touched.add(row.forumId);
    }
    const changed = [...touched].map((id) => rows.get(id)!);
    for (let i = 0; i < changed.length; i += 500) {
      await repository.upsert(changed.slice(i, i + 500), { conflictPaths: ['forumId'], skipUpdateIfNoValuesChanged: false });
    }
  }

  private async applyProposalEvents(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const repository = manager.getRepository(ForumRankingEntry);
    const ids = [...new Set(events.map((e) => (e.data as { proposalId: string }).proposalId))];
    const rows = new Map<string, ForumRankingEntry | null>((await repository.findBy({ proposalId: In(ids) })).map((r) => [r.proposalId, r]));
    for (const event of events) {
      const id = (event.data as { proposalId: string }).proposalId;
      rows.set(id, evolveEntry(rows.get(id) ?? null, event));
    }
    const changed = [...rows.values()].filter((r): r is ForumRankingEntry => r !== null);
    for (let i = 0; i < changed.length; i += 500) {
      await repository.upsert(changed.slice(i, i + 500), { conflictPaths: ['proposalId'], skipUpdateIfNoValuesChanged: false });
    }
  }

  private async applyScoreSets(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const repository = manager.getRepository(ForumRankingScore);
    const keyOf = (r: Pick<ForumRankingScore, 'forumId' | 'modelId' | 'modelVersion' | 'proposalId'>) =>
      JSON.stringify([r.forumId, r.modelId, r.modelVersion, r.proposalId]);
    const wanted = new Map<string, Pick<ForumRankingScore, 'forumId' | 'modelId' | 'modelVersion' | 'proposalId'>>();
    for (const event of events) {
      const d = event.data as ScoreSetRecordedData;
      const key = { forumId: d.forumId, modelId: d.modelId, modelVersion: d.modelVersion, proposalId: d.proposalId };
      wanted.set(keyOf(key), key);
    }
    const rows = new Map<string, ForumRankingScore>((await repository.findBy([...wanted.values()])).map((r) => [keyOf(r), r]));
    const touched = new Set<string>();
    for (const event of events) {
      const d = event.data as ScoreSetRecordedData;
      const candidate: ForumRankingScore = {
        forumId: d.forumId,
        modelId: d.modelId,
        modelVersion: d.modelVersion,
        proposalId: d.proposalId,
        assessorKind: d.assessor.kind,
        sequence: event.streamPosition,
        scores: d.scores,
      };
      const key = keyOf(candidate);
      const current = rows.get(key);
      if (replacesEffective(current, candidate)) {
        rows.set(key, candidate);
        touched.add(key);
      }
    }
    const changed = [...touched].map((k) => rows.get(k)!);
    for (let i = 0; i < changed.length; i += 500) {
      await repository.upsert(changed.slice(i, i + 500), {
        conflictPaths: ['forumId', 'modelId', 'modelVersion', 'proposalId'],
        skipUpdateIfNoValuesChanged: false,
      });
    }
  }
}

const precedence = (kind: AssessorKind) => ASSESSMENT_PRECEDENCE.indexOf(kind);

/**
 * Whether a newly recorded assessment (same forum, model version and proposal) becomes the effective one: a later
 * assessment of the same kind replaces the earlier, and one of a kind that takes precedence replaces one that does
 * not. Folding assessments in log order with this gives `effectiveScores` (see the property spec).
 */
export function replacesEffective(current: { readonly assessorKind: AssessorKind } | undefined, candidate: { readonly assessorKind: AssessorKind }): boolean {
  return current === undefined || precedence(candidate.assessorKind) <= precedence(current.assessorKind);
}

function evolveEntry(current: ForumRankingEntry | null, event: RecordedEvent): ForumRankingEntry | null {
  switch (event.type) {
    case ProposalEventType.Drafted: {
      const { proposalId, organisationId, form } = event.data as ProposalDraftedData;
      const cost = form.investment.developmentCost;
      return {
        proposalId,
        organisationId,
        status: 'draft',
        title: form.title,
        departmentId: form.departmentId,
        investmentArea: form.investmentArea ?? null,
        developmentCostMinor: cost?.amountMinor ?? null,
        currency: cost?.currency ?? null,
        submittedAt: null,
      };
    }
    case ProposalEventType.Amended: {
      if (!current) return null;
      const { amendment } = event.data as ProposalAmendedData;
      const next = { ...current };
      if (amendment.title !== undefined) next.title = amendment.title;
      if (amendment.departmentId !== undefined) next.departmentId = amendment.departmentId;
      if (amendment.investmentArea !== undefined) next.investmentArea = amendment.investmentArea;
      const cost = amendment.investment?.developmentCost;
      if (cost !== undefined) {
        next.developmentCostMinor = cost?.amountMinor ?? null;
        next.currency = cost?.currency ?? null;
      }
      return next;
    }
    case ProposalEventType.Submitted:
      return current && { ...current, status: 'submitted', submittedAt: event.recordedAt };
    case ProposalEventType.Withdrawn:
      return current && { ...current, status: 'withdrawn' };
    default:
      return current;
  }
}

/** The areas and departments the mandate names (the ranking normalises their order); an unknown forum's amendment is ignored. */
function evolveMandate(current: ForumRankingMandate | null, event: RecordedEvent): ForumRankingMandate | null {
  if (event.type === ForumEventType.Established) {
    const { forumId, organisationId, mandate } = event.data as ForumEstablishedData;
    return { forumId, organisationId, investmentAreas: [...mandate.investmentAreas], departmentIds: [...mandate.departmentIds] };
  }
  if (current === null) return null;
  const { mandate } = event.data as ForumMandateAmendedData;
  return { ...current, investmentAreas: [...mandate.investmentAreas], departmentIds: [...mandate.departmentIds] };
}
