import { WrongExpectedVersionError, type EventMetadata, type EventStore, type RecordedEvent } from '../../../event-store/index.js';
import { proposalStream } from '../../../proposals/application/proposal-decider.js';
import { foldProposalView } from '../../../proposals/application/proposal-view.js';
import { ProposalEventType } from '../../../proposals/domain/index.js';
import { decideProject, initialProjectState, ProjectCommandType, projectStream } from '../../domain/decisions/index.js';
import { nameBasedUuid } from './name-based-uuid.js';

const ENTRY_NAMESPACE = 'portfolio-entry/v1';

/**
 * A submitted proposal enters the portfolio at the idea stage, exactly once: the entry event's id is derived from
 * the submission's event id and the stream must not exist yet, so a repeat (a replayed batch, a decision that
 * ensures the entry, a second submission) writes nothing.
 */
export async function enterPortfolioOnce(store: EventStore, submitted: RecordedEvent): Promise<void> {
  const proposalId = (submitted.data as { proposalId: string }).proposalId;
  // the proposal as it stood when submitted: a replay long after later amendments records the same entry
  const proposal = foldProposalView(await store.readStream(proposalStream(proposalId), { toVersion: submitted.streamPosition }));
  if (proposal === null) return;
  const [entered] = decideProject(
    { type: ProjectCommandType.EnterPortfolio, data: { proposalId, organisationId: proposal.organisationId, title: proposal.form.title } },
    initialProjectState(),
  );
  const metadata: EventMetadata = {
    ...submitted.metadata,
    causationId: submitted.eventId,
    correlationId: submitted.metadata.correlationId ?? submitted.eventId,
    reason: 'a submitted proposal enters the portfolio',
  };
  try {
    await store.append(projectStream(proposalId), [{ eventId: nameBasedUuid(ENTRY_NAMESPACE, submitted.eventId), ...entered, metadata }], {
      expectedVersion: 'no_stream',
    });
  } catch (error) {
    // the project stream exists: it entered already (from this submission or an earlier one)
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
}

/** The submission event of a proposal, or null when it was never submitted. */
export async function submissionOf(store: EventStore, proposalId: string): Promise<RecordedEvent | null> {
  const events = await store.readStream(proposalStream(proposalId));
  return events.find((event) => event.type === ProposalEventType.Submitted) ?? null;
}
