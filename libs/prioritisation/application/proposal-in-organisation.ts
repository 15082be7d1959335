import type { EventStore } from '../../event-store/index.js';
import { proposalStream } from '../../proposals/application/proposal-decider.js';
import { foldProposalView, type ProposalView } from '../../proposals/application/proposal-view.js';
import { ProposalNotFound } from '../../proposals/domain/index.js';

/** The proposal read from its own stream, if it exists in the acting organisation; else ProposalNotFound. */
export async function proposalInOrganisation(store: EventStore, organisationId: string, proposalId: string): Promise<ProposalView> {
  const proposal = foldProposalView(await store.readStream(proposalStream(proposalId)));
  if (!proposal || proposal.organisationId !== organisationId) throw new ProposalNotFound(proposalId);
  return proposal;
}
