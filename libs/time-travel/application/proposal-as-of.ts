import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { proposalStream } from '../../proposals/application/proposal-decider.js';
import { foldProposalView, type ProposalView } from '../../proposals/application/proposal-view.js';
import { ProposalNotFound } from '../../proposals/domain/index.js';
import type { LogPoint } from './log-point.resolver.js';
import { eventsAsOf } from './stream-as-of.js';

/** A proposal as it stood at a point of the log, folded from its own stream exactly as the current one is. */
@Injectable()
export class ProposalAsOf {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Null when the proposal did not exist then; another organisation's proposal is not found (never revealed). */
  async find(organisationId: string, proposalId: string, point: LogPoint): Promise<ProposalView | null> {
    const events = await this.store.readStream(proposalStream(proposalId));
    const owner = (events[0]?.data as { organisationId?: string } | undefined)?.organisationId;
    if (events.length === 0 || owner !== organisationId) throw new ProposalNotFound(proposalId);
    return foldProposalView(eventsAsOf(events, point));
  }

  async get(organisationId: string, proposalId: string, point: LogPoint): Promise<ProposalView> {
    const view = await this.find(organisationId, proposalId, point);
    if (view === null) throw new ProposalNotFound(proposalId);
    return view;
  }
}
