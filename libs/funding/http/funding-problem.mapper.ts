import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import {
  AdjustmentBelowCommitted,
  CommitmentHasPaybacks,
  CommitmentIdInUse,
  CommitmentNotFound,
  CommitmentReleased,
  FundingPoolAlreadyExists,
  FundingPoolNotFound,
  InsufficientFunds,
  InvalidFundingRequest,
  OperationsCostsNotFundable,
  PaybackAgreementExists,
  PaybackAgreementNotFound,
  PaymentExceedsInstallment,
  PaymentIdInUse,
} from '../domain/index.js';
import { InvalidFundingPoolCursor } from '../read-models/funding-pool-list.query.js';
import { InvalidPaybackAgreementCursor } from '../read-models/payback-agreement-list.query.js';

/** Funding errors as problems: unknown 404, conflicts with the pool's balance or history 409, rule violations 422. */
export const fundingProblemMapper: ProblemMapper = (error) => {
  if (error instanceof FundingPoolNotFound) {
    return new ProblemException({ status: 404, title: 'Funding pool not found', detail: error.message, extensions: { poolId: error.poolId } });
  }
  if (error instanceof CommitmentNotFound) {
    return new ProblemException({ status: 404, title: 'Commitment not found', detail: error.message, extensions: { commitmentId: error.commitmentId } });
  }
  if (error instanceof FundingPoolAlreadyExists) {
    return new ProblemException({
      status: 409,
      title: 'Funding pool already exists',
      detail: `${error.message}: a forum has one pool per year (and investment area).`,
      extensions: { poolId: error.poolId },
    });
  }
  if (error instanceof InvalidFundingRequest) {
    return new ProblemException({ status: 422, title: 'Invalid funding request', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof OperationsCostsNotFundable) {
    return new ProblemException({
      status: 422,
      title: 'Operations are not funded by the pool',
      detail: error.message,
      errors: [{ field: 'costKind', reason: 'must be development: the pool never funds operations, which the ordering party pays' }],
    });
  }
  if (error instanceof InsufficientFunds) {
    return new ProblemException({
      status: 409,
      title: 'Insufficient funds',
      detail: error.message,
      errors: [{ field: 'amount.amountMinor', reason: `must be at most ${error.available.amountMinor}, the available balance` }],
      extensions: { available: error.available, requested: error.requested },
    });
  }
  if (error instanceof AdjustmentBelowCommitted) {
    return new ProblemException({
      status: 409,
      title: 'Amount below what is committed',
      detail: `${error.message}: release commitments first.`,
      errors: [{ field: 'amount.amountMinor', reason: `must be at least ${error.committed.amountMinor}, the committed amount` }],
      extensions: { committed: error.committed },
    });
  }
  if (error instanceof CommitmentIdInUse) {
    return new ProblemException({
      status: 409,
      title: 'Commitment id in use',
      detail: error.message,
      errors: [{ field: 'commitmentId', reason: 'is the id of another commitment' }],
    });
  }
  if (error instanceof PaybackAgreementNotFound) {
    return new ProblemException({ status: 404, title: 'Payback agreement not found', detail: error.message, extensions: { commitmentId: error.commitmentId } });
  }
  if (error instanceof PaybackAgreementExists) {
    return new ProblemException({
      status: 409,
      title: 'Payback agreement exists',
      detail: `${error.message}: one agreement per commitment.`,
      errors: [{ field: 'commitmentId', reason: 'has a payback agreement on other terms' }],
      extensions: { commitmentId: error.commitmentId },
    });
  }
  if (error instanceof CommitmentReleased) {
    return new ProblemException({
      status: 409,
      title: 'Commitment released',
      detail: error.message,
      errors: [{ field: 'commitmentId', reason: 'was released: nothing is paid back on it' }],
      extensions: { commitmentId: error.commitmentId },
    });
  }
  if (error instanceof CommitmentHasPaybacks) {
    return new ProblemException({
      status: 409,
      title: 'Commitment has paybacks',
      detail: `${error.message}: the investment would return to the pool twice.`,
      errors: [{ field: 'commitmentId', reason: 'has money paid back on it' }],
      extensions: { commitmentId: error.commitmentId, paidBack: error.paidBack },
    });
  }
  if (error instanceof PaymentExceedsInstallment) {
    return new ProblemException({
      status: 409,
      title: 'Payment exceeds the installment',
      detail: `${error.message}: paybacks never exceed the schedule, which never exceeds the amount invested.`,
      errors: [{ field: 'amount.amountMinor', reason: `must be at most ${error.outstanding.amountMinor}, what the installment still owes` }],
      extensions: { outstanding: error.outstanding, requested: error.requested },
    });
  }
  if (error instanceof PaymentIdInUse) {
    return new ProblemException({
      status: 409,
      title: 'Payment id in use',
      detail: error.message,
      errors: [{ field: 'paymentId', reason: 'is the id of another payment' }],
    });
  }
  if (error instanceof InvalidFundingPoolCursor || error instanceof InvalidPaybackAgreementCursor) {
    return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  }
  return undefined;
};
