import { InconsistentPrioritisationHistory } from './errors.js';
import { ScorecardEventType, type ScorecardEvent } from './scorecard-events.js';
import type { RecordedScoreSet, ScorecardState } from './scorecard-state.js';

/** Folds one recorded assessment into the scorecard: it becomes its kind's latest and joins the history. */
export function evolveScorecard(state: ScorecardState, event: ScorecardEvent): ScorecardState {
  switch (event.type) {
    case ScorecardEventType.ScoreSetRecorded: {
      const { proposalId, forumId, ...scoreSet } = event.data;
      if (state.status === 'open' && (state.proposalId !== proposalId || state.forumId !== forumId)) {
        const detail = `proposal ${proposalId} in forum ${forumId} on another scorecard`;
        throw new InconsistentPrioritisationHistory(event.type, detail);
      }
      const history = state.status === 'open' ? state.history : [];
      const recorded: RecordedScoreSet = { ...scoreSet, sequence: history.length + 1 };
      const latestByAssessor = state.status === 'open' ? state.latestByAssessor : {};
      return {
        status: 'open',
        proposalId,
        forumId,
        latestByAssessor: { ...latestByAssessor, [recorded.assessor.kind]: recorded },
        history: [...history, recorded],
      };
    }
  }
}
