import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_CLAIM_NAMES, type ClaimNames, type PlatformConfig } from '../config/platform-config.js';
import { ProblemException } from '../problem/problem.exception.js';
import type { Principal } from '../request-context/actor-resolver.js';
import { invalidToken } from './authentication-problems.js';
import { LOCAL_ALGORITHM, LOCAL_ISSUER, loadOrCreateLocalKeyPair } from './local-key-pair.js';
import { principalOf } from './token-claims.js';

/** Asymmetric algorithms only: a shared-secret token could be forged by anyone holding the secret. */
const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const CLOCK_TOLERANCE_SECONDS = 30;
/** Verified tokens remembered, so a client's repeated requests cost a map lookup rather than a signature check. */
const CACHE_SIZE = 10_000;

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

interface Cached {
  readonly principal: Principal;
  /** Milliseconds; the token is verified again after this. */
  readonly until: number;
}

/** Verifies bearer tokens and says who they name. */
export class TokenVerifier {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly key: KeyObject | JWTVerifyGetKey,
    private readonly options: JWTVerifyOptions,
    private readonly claims: ClaimNames,
  ) {}

  /** Answers from the cache synchronously when it can (most requests), else verifies. */
  verify(token: string): Principal | Promise<Principal> {
    const cached = this.cache.get(token);
    if (cached && cached.until > Date.now()) return cached.principal;
    if (cached) this.cache.delete(token);
    return this.verifySignature(token);
  }

  private async verifySignature(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await (typeof this.key === 'function' ? jwtVerify(token, this.key, this.options) : jwtVerify(token, this.key, this.options)));
    } catch (error) {
      throw refusal(error);
    }
    const principal = principalOf(payload, this.claims);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, { principal, until: (payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000 });
    return principal;
  }
}

/** The verifier the configuration asks for; the embedded default creates its key pair in `dataDir` on first start. */
export async function createTokenVerifier(config: Pick<PlatformConfig, 'auth' | 'dataDir'>): Promise<TokenVerifier> {
  const { auth } = config;
  const common = { clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['sub', 'exp'] };
  if (auth.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl));
    return new TokenVerifier(jwks, { ...common, issuer: auth.issuer!, audience: auth.audience, algorithms: PROVIDER_ALGORITHMS }, auth.claims);
  }
  if (auth.publicKeyPem) {
    return new TokenVerifier(createPublicKey(auth.publicKeyPem), { ...common, audience: auth.audience, algorithms: PROVIDER_ALGORITHMS }, auth.claims);
  }
  const { publicKeyPem } = await loadOrCreateLocalKeyPair(config.dataDir);
  const options = { ...common, issuer: LOCAL_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: [LOCAL_ALGORITHM] };
  return new TokenVerifier(createPublicKey(publicKeyPem), options, DEFAULT_CLAIM_NAMES);
}

/** Why a token is refused, in our words; a JWKS that cannot be fetched is our fault (503), not the client's. */
function refusal(error: unknown): ProblemException {
  if (error instanceof ProblemException) return error;
  if (error instanceof errors.JWTExpired) return invalidToken('it has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return invalidToken(`its ${error.claim} claim is not accepted`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalidToken('its signature does not verify');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return invalidToken('no key of the issuer matches it');
  if (error instanceof errors.JOSEAlgNotAllowed) return invalidToken('its algorithm is not accepted');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isFetchFailure(error)) {
    return new ProblemException({ status: 503, detail: 'Tokens cannot be verified right now: the identity provider\'s keys are unreachable.', headers: { 'Retry-After': '5' } }, { cause: error });
  }
  if (error instanceof errors.JOSEError) return invalidToken('it is not a valid signed JWT');
  return new ProblemException({ status: 503, detail: 'Tokens cannot be verified right now.' }, { cause: error });
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch/i.test(error.message);
}
