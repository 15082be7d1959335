/**
 * A rule violation the caller can act on. `code` is stable, so the HTTP layer maps it (not found 404, conflicts with
 * the lifecycle 409, invalid content 422) without the domain knowing about HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}
