import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One failing input: a dot path into the request (`investment.developmentCost.amountMinor`) and why it fails. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** An RFC 9457 problem details document; extension members sit beside the standard ones. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/**
 * The problem types this service defines. `about:blank` means "the status code says it all" (RFC 9457 §4.2.1),
 * and its title is then the status phrase.
 */
export const ProblemTypes = {
  blank: 'about:blank',
  validation: 'urn:problem-type:validation-failed',
  malformedJson: 'urn:problem-type:malformed-json',
  versionConflict: 'urn:problem-type:version-conflict',
  idempotencyViolation: 'urn:problem-type:idempotency-violation',
  idempotencyKeyReused: 'urn:problem-type:idempotency-key-reused',
  idempotencyKeyInFlight: 'urn:problem-type:idempotency-key-in-flight',
  internal: 'urn:problem-type:internal-error',
} as const;

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
