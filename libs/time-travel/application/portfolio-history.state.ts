import type { RecordedEvent } from '../../event-store/index.js';
import type { FundingPoolSummary } from '../../funding/read-models/funding-pool-summary.entity.js';
import { ForumEventType, type ForumEstablishedData } from '../../governance/domain/forums/index.js';
import type { PortfolioProject } from '../../governance/decisions/read-models/portfolio-project.entity.js';
import type { MeetingRow } from '../../governance/meetings/read-models/meeting.entity.js';
import {
  evolveScoringModel,
  initialScoringModelState,
  ScorecardEventType,
  ScoringModelEventType,
  type AssessorKind,
  type ExistingScoringModel,
  type ScoreMap,
  type ScoreSetRecordedData,
  type ScoringModelEvent,
} from '../../prioritisation/domain/index.js';
import { replacesEffective } from '../../prioritisation/read-models/forum-ranking.projection.js';
import { ProposalEventType } from '../../proposals/domain/index.js';
import { FundingPoolsReplay, MeetingsReplay, PortfolioProjectsReplay, type Rows } from './portfolio-replay.js';

/** The score set that counts for one forum, model version and proposal (the rankings' rule `replacesEffective`). */
export interface EffectiveScoreSet {
  readonly forumId: string;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly proposalId: string;
  readonly assessorKind: AssessorKind;
  readonly scores: ScoreMap;
}

/**
 * Everything an organisation's portfolio views are computed from, folded from its events: the same rows the live
 * read models hold (portfolio projects, meetings, pools), each scoring model with all its versions, the effective
 * score sets, and when each proposal was submitted. Plain JSON, so that a snapshot stores it as it is.
 */
export interface PortfolioHistoryState {
  readonly projects: Rows<PortfolioProject>;
  readonly submittedAt: Record<string, string>;
  readonly models: Record<string, ExistingScoringModel>;
  readonly scoreSets: Record<string, EffectiveScoreSet>;
  readonly pools: Rows<FundingPoolSummary>;
  readonly meetings: Rows<MeetingRow>;
  /** The organisation's forums: id to organisation. */
  readonly forums: Record<string, string>;
}

export const emptyPortfolioHistory = (): PortfolioHistoryState => ({ projects: {}, submittedAt: {}, models: {}, scoreSets: {}, pools: {}, meetings: {}, forums: {} });

const projects = new PortfolioProjectsReplay();
const meetings = new MeetingsReplay();
const pools = new FundingPoolsReplay();
const MODEL_EVENTS: readonly string[] = Object.values(ScoringModelEventType);

/** Every event type the fold reads: the as-of reads fetch only these. */
export const PORTFOLIO_HISTORY_EVENT_TYPES: readonly string[] = [
  ...new Set([...projects.handles, ...meetings.handles, ...pools.handles, ...MODEL_EVENTS, ScorecardEventType.ScoreSetRecorded, ForumEventType.Established]),
];

export const scoreSetKey = (forumId: string, modelId: string, modelVersion: number, proposalId: string) =>
  JSON.stringify([forumId, modelId, modelVersion, proposalId]);

/** Folds one event into the state, in place (a replay owns its state). */
export function foldPortfolioHistory(state: PortfolioHistoryState, event: RecordedEvent): void {
  projects.step(state.projects, event);
  meetings.step(state.meetings, event);
  pools.step(state.pools, event);
  if (event.type === ForumEventType.Established) {
    const { forumId, organisationId } = event.data as ForumEstablishedData;
    state.forums[forumId] = organisationId;
  }
  if (event.type === ProposalEventType.Submitted) state.submittedAt[(event.data as { proposalId: string }).proposalId] = event.recordedAt.toISOString();
  if (MODEL_EVENTS.includes(event.type)) {
    const modelId = (event.data as { modelId: string }).modelId;
    const next = evolveScoringModel(state.models[modelId] ?? initialScoringModelState(), { type: event.type, data: event.data } as ScoringModelEvent);
    if (next.status !== 'none') state.models[modelId] = next;
  }
  if (event.type === ScorecardEventType.ScoreSetRecorded) {
    const d = event.data as ScoreSetRecordedData;
    const key = scoreSetKey(d.forumId, d.modelId, d.modelVersion, d.proposalId);
    if (replacesEffective(state.scoreSets[key], { assessorKind: d.assessor.kind })) {
      state.scoreSets[key] = { forumId: d.forumId, modelId: d.modelId, modelVersion: d.modelVersion, proposalId: d.proposalId, assessorKind: d.assessor.kind, scores: d.scores };
    }
  }
}
