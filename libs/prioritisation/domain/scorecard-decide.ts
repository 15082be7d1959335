import { canonicalJson } from './canonical-json.js';
import { InvalidScoreSet } from './errors.js';
import { ScorecardCommandType, type RecordScoreSet, type ScorecardCommand } from './scorecard-commands.js';
import { ScorecardEventType, type ScorecardEvent, type ScoreSetRecordedData } from './scorecard-events.js';
import type { RecordedScoreSet, ScorecardState } from './scorecard-state.js';
import { validateAssessor, validateScores } from './validate-score-set.js';

/**
 * The rules of a proposal's scorecard in one forum: any assessor kind may record a complete score set against the
 * forum's model; each new one is kept beside the earlier ones. Returns events (without metadata) or throws.
 */
export function decideScorecard(command: ScorecardCommand, state: ScorecardState): ScorecardEvent[] {
  switch (command.type) {
    case ScorecardCommandType.RecordScoreSet:
      return record(command, state);
  }
}

function record({ data }: RecordScoreSet, state: ScorecardState): ScorecardEvent[] {
  requireText(data.proposalId, 'proposalId');
  requireText(data.forumId, 'forumId');
  if (state.status === 'open' && (state.proposalId !== data.proposalId || state.forumId !== data.forumId)) {
    throw new InvalidScoreSet('proposalId', `this scorecard is for proposal ${state.proposalId} in forum ${state.forumId}`);
  }
  const { model } = data;
  // Scores mean something only on the scale of the forum that weighs them.
  if (model.forumId !== data.forumId) {
    throw new InvalidScoreSet('model', `model ${model.modelId} belongs to forum ${model.forumId}, not ${data.forumId}`);
  }
  const assessor = validateAssessor(data.assessor);
  const scores = validateScores(data.scores, model);
  const rationale = typeof data.rationale === 'string' && data.rationale.trim() !== '' ? data.rationale : null;
  const recorded: ScoreSetRecordedData = {
    proposalId: data.proposalId,
    forumId: data.forumId,
    modelId: model.modelId,
    modelVersion: model.version,
    assessor,
    scores,
    rationale,
  };
  if (state.status === 'open' && repeatsLatest(state.latestByAssessor[assessor.kind], recorded)) return [];
  return [{ type: ScorecardEventType.ScoreSetRecorded, data: recorded }];
}

/** A retried request (same assessor, same model version, same scores and rationale) records nothing new. */
function repeatsLatest(latest: RecordedScoreSet | undefined, recorded: ScoreSetRecordedData): boolean {
  if (latest === undefined) return false;
  const { sequence: _sequence, ...scoreSet } = latest;
  const { proposalId: _proposalId, forumId: _forumId, ...candidate } = recorded;
  return canonicalJson(scoreSet) === canonicalJson(candidate);
}

function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidScoreSet(field, 'must not be empty');
}
