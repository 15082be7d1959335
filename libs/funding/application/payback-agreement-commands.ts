import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { Beneficiary, IsoDate } from '../domain/index.js';
import type { PaybackAgreementView } from './payback-agreement-view.js';

/** What every payback command answers: the agreement after it, and where its events sit in the log. */
export interface PaybackAgreementCommandResult {
  readonly agreement: PaybackAgreementView;
  /** Null when nothing was written (a retry of the same terms or payment). */
  readonly position: LogPosition | null;
}

export interface PaybackTermsRequest {
  readonly beneficiaries: readonly Beneficiary[];
  readonly shareBasisPoints: number;
  readonly firstYear: number | null;
  readonly years: number;
  readonly dueMonthDay: string | null;
}

/**
 * An approval with expected savings: the beneficiaries of commitment `commitmentId` pay back a share of their savings,
 * capped at the commitment. For the decisions context on approval, after CommitFundingCommand:
 * `commandBus.execute(new ConcludePaybackAgreementCommand(poolId, organisationId, decisionId, terms, metadata))`.
 */
export class ConcludePaybackAgreementCommand extends Command<PaybackAgreementCommandResult> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    readonly commitmentId: string,
    readonly terms: PaybackTermsRequest,
    readonly metadata: EventMetadata,
    /** The pool version the caller saw (If-Match); absent: the version read just before guards the append. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

export interface PaybackPaymentRequest {
  readonly paymentId: string;
  readonly partyId: string;
  readonly year: number;
  readonly amount: Money;
  readonly paidOn: IsoDate;
}

export class RecordPaybackPaymentCommand extends Command<PaybackAgreementCommandResult> {
  constructor(
    readonly poolId: string,
    readonly organisationId: string,
    readonly commitmentId: string,
    readonly payment: PaybackPaymentRequest,
    readonly metadata: EventMetadata,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
