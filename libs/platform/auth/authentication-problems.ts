import { ProblemException } from '../problem/problem.exception.js';

/** RFC 6750: a 401 says how to authenticate; `error="invalid_token"` when the token sent was refused. */
export function unauthenticated(): ProblemException {
  return new ProblemException({
    status: 401,
    detail: 'Send a bearer token: Authorization: Bearer <token>.',
    headers: { 'WWW-Authenticate': 'Bearer realm="portfolio-governance"' },
  });
}

/** `reason` is ours, never the verifier's message (which may quote the token). */
export function invalidToken(reason: string): ProblemException {
  return new ProblemException({
    status: 401,
    detail: `The bearer token was refused: ${reason}.`,
    headers: { 'WWW-Authenticate': `Bearer realm="portfolio-governance", error="invalid_token", error_description="${reason}"` },
  });
}
