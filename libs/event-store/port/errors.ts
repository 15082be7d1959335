import { describeExpectedVersion, type ExpectedVersion } from './expected-version.js';

export class EventStoreError extends Error {}

/** The stream was not at the version the writer expected. Carries the version it is at. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} expected ${describeExpectedVersion(expected)} but is at version ${actualVersion}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** Some, but not all, of the event ids of an append were already written: a retry that is not a retry. */
export class IdempotencyViolationError extends EventStoreError {
  constructor(readonly streamId: string, readonly eventIds: readonly string[]) {
    super(`append to ${streamId} reuses event ids of an earlier, different append`);
    this.name = 'IdempotencyViolationError';
  }
}

export class InvalidAppendError extends EventStoreError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
