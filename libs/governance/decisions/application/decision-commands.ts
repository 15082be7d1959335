import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { CastVote, DecisionKind } from '../../domain/forums/index.js';
import type { PaybackTermsRequest } from '../../../funding/application/payback-agreement-commands.js';
import type { Money } from '../../../shared-kernel/money.js';
import type { DecisionView, ProjectView } from './project-view.js';

export interface DecisionRequest {
  readonly proposalId: string;
  readonly kind: DecisionKind;
  readonly rationale: string;
  readonly agendaRevision: number;
  readonly votes: readonly CastVote[];
  readonly amount?: Money;
  readonly poolId?: string;
  readonly deferredToMeetingId?: string;
  readonly requestedChanges?: string;
  readonly priorityNote?: string;
  /** A funding approval with expected savings (efficiency principle): the payback agreement made with it. */
  readonly expectedSavings?: PaybackTermsRequest;
}

export interface TakeDecisionResult {
  readonly decision: DecisionView;
  readonly project: ProjectView;
  readonly position: LogPosition | null;
}

/** A forum's decision at a meeting on a proposal of its frozen agenda. */
export class TakeDecisionCommand extends Command<TakeDecisionResult> {
  constructor(
    readonly meetingId: string,
    readonly organisationId: string,
    readonly decisionId: string,
    readonly request: DecisionRequest,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
