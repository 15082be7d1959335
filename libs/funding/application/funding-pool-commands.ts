import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { CostKind, InvestmentArea } from '../domain/index.js';
import type { FundingPoolView } from './funding-pool-view.js';

/** What every funding-pool command answers: the pool after it, and where its events sit in the log. */
export interface FundingPoolCommandResult {
  readonly pool: FundingPoolView;
  /** Null when nothing was written (a retried commitment, a second release, an unchanged amount). */
  readonly position: LogPosition | null;
}

/** The pool's id is derived from organisation, forum, year and investment area (see fundingPoolId). */
export class EstablishFundingPoolCommand extends Command<FundingPoolCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly forumId: string,
    readonly year: number,
    readonly name: string,
    readonly amount: Money,
    readonly investmentArea: InvestmentArea | null,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AdjustFundingPoolAmountCommand extends Command<FundingPoolCommandResult> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    /** The new amount, in the pool's currency. */
    readonly amount: Money,
    readonly reason: string,
    /** Undefined for `If-Match: *`. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export interface CommitmentRequest {
  /** Chosen by the caller so that a retry commits once (e.g. derived from the decision). */
  readonly commitmentId: string;
  /** Must be a submitted proposal of the organisation (not a draft, not withdrawn). */
  readonly proposalId: string;
  /** The decision that commits the money. */
  readonly decisionId: string;
  readonly amount: Money;
  /** `operations` is refused: the pool funds development only. */
  readonly costKind: CostKind;
}

/**
 * Commits pool money to a proposal. For the decisions context on approval:
 * `commandBus.execute(new CommitFundingCommand(poolId, organisationId, { commitmentId, proposalId, decisionId, amount,
 * costKind: 'development' }, metadata))`. Refuses with InsufficientFunds (carrying the available amount),
 * OperationsCostsNotFundable, FundingPoolNotFound, InvalidFundingRequest; a retry with the same commitment records nothing.
 */
export class CommitFundingCommand extends Command<FundingPoolCommandResult> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    readonly commitment: CommitmentRequest,
    readonly metadata: EventMetadata,
    /** The pool version the caller saw (If-Match); absent: the version read just before guards the append. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

export class ReleaseCommitmentCommand extends Command<FundingPoolCommandResult> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    readonly commitmentId: string,
    readonly reason: string | null,
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
