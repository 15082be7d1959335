import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { ActorResolver, Principal } from '../request-context/actor-resolver.js';
import { invalidToken } from './authentication-problems.js';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier.js';

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

/** The caller is whoever the `Authorization: Bearer` JWT names; no header is no caller, a bad one is a 401. */
@Injectable()
export class BearerTokenResolver implements ActorResolver {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  resolve(request: IncomingMessage): Principal | null | Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined) return null;
    const match = BEARER.exec(header);
    if (!match) throw invalidToken('the Authorization header is not "Bearer <JWT>"');
    return this.verifier.verify(match[1]);
  }
}
