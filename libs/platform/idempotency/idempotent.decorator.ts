import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = Symbol('IDEMPOTENT');

export interface IdempotentOptions {
  /** Reject requests without an `Idempotency-Key` (400) instead of running them unprotected. Default false. */
  readonly required?: boolean;
}

/**
 * Marks a creating POST as safe to retry: with an `Idempotency-Key`, a retry replays the first response instead of
 * running the handler again. Served by the platform's global `IdempotencyInterceptor`.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, options),
    ApiHeader({
      name: 'Idempotency-Key',
      required: options.required ?? false,
      description:
        'A unique key per logical request (e.g. a UUID). A retry with the same key and body replays the first ' +
        'response (`Idempotent-Replayed: true`); the same key with another body is a 422, a retry while the first ' +
        'is still running a 409.',
    }),
  );
}
