import { randomUUID } from 'node:crypto';
import { DEFAULT_AUDIENCE } from '../config/platform-config.js';
import { principalClaims } from './token-claims.js';
import { LOCAL_ISSUER, loadOrCreateLocalKeyPair } from './local-key-pair.js';
import { signEs256Jwt } from './sign-token.js';

export interface DevelopmentTokenRequest {
  /** The service's `DATA_DIR`: the token is signed with the key kept there (created when missing). */
  readonly dataDir: string;
  readonly subject: string;
  readonly roles: readonly string[];
  readonly organisation: string;
  readonly department?: string;
  /** Default one hour. */
  readonly ttlSeconds?: number;
}

const DEFAULT_TTL_SECONDS = 3600;

/**
 * A bearer token the embedded default accepts (the service with no `AUTH_JWKS_URL` and no `AUTH_PUBLIC_KEY`, on the
 * same `DATA_DIR`). For development and demos: with an identity provider configured, the provider issues tokens.
 */
export async function issueDevelopmentToken(request: DevelopmentTokenRequest): Promise<string> {
  const ttl = request.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new RangeError(`ttlSeconds must be a positive whole number, got ${ttl}`);
  const { privateKeyPem } = await loadOrCreateLocalKeyPair(request.dataDir);
  const now = Math.floor(Date.now() / 1000);
  return signEs256Jwt(privateKeyPem, {
    iss: LOCAL_ISSUER,
    aud: DEFAULT_AUDIENCE,
    sub: request.subject,
    iat: now,
    exp: now + ttl,
    jti: randomUUID(),
    ...principalClaims({ roles: request.roles, organisation: request.organisation, department: request.department }),
  });
}
