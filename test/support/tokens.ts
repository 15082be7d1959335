import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_AUDIENCE } from '../../libs/platform/index.js';
import { principalClaims } from '../../libs/platform/auth/token-claims.js';
import { signEs256Jwt } from '../../libs/platform/auth/sign-token.js';

/** One key pair per test process: the test app trusts its public key (`testAuthConfig`), the helpers sign with it. */
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

export const TEST_PUBLIC_KEY_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

const TTL_SECONDS = 3600;

/** Any claims, signed with the test key: for tokens that must be refused (expired, wrong audience, ...). */
export function signTestToken(claims: Record<string, unknown>, key = privateKey): string {
  return signEs256Jwt(key, claims);
}

export interface TestPrincipal {
  readonly subject: string;
  /** Empty: the token names no organisation. */
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly department?: string;
}

const issued = new Map<string, string>();

/** A valid token for the principal; the same token for the same principal within a test process (as a client keeps one). */
export function testToken(p: TestPrincipal): string {
  const key = JSON.stringify([p.subject, p.organisation, p.roles, p.department ?? null]);
  let token = issued.get(key);
  if (!token) {
    const now = Math.floor(Date.now() / 1000);
    const claims = principalClaims({ roles: p.roles, organisation: p.organisation, department: p.department });
    token = signTestToken({ sub: p.subject, aud: DEFAULT_AUDIENCE, iat: now, exp: now + TTL_SECONDS, ...claims });
    issued.set(key, token);
  }
  return token;
}
