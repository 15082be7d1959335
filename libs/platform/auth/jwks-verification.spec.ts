import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadPlatformConfig } from '../config/platform-config.js';
import { signEs256Jwt } from './sign-token.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

const ISSUER = 'https://sso.example/realms/kommune';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'key-1', alg: 'ES256', use: 'sig' }] };
const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown> = {}, kid = 'key-1') =>
  signEs256Jwt(privateKey, { iss: ISSUER, aud: 'portfolio-api', sub: 'kc-1', exp: now() + 300, roles: ['director'], org: 'herning', ...claims }, kid);
const refusal = (verifier: TokenVerifier, t: string) => Promise.resolve().then(() => verifier.verify(t)).then(() => null, (e: { problem: { status: number; detail: string } }) => e.problem);

describe('tokens of an OIDC provider, verified against its JWKS', () => {
  let server: Server;
  let requests = 0;
  let verifier: TokenVerifier;
  const verifierAt = (url: string) =>
    createTokenVerifier(
      loadPlatformConfig({ AUTH_JWKS_URL: url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: 'portfolio-api', AUTH_ROLES_CLAIM: 'roles', AUTH_ORGANISATION_CLAIM: 'org' }),
    );

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    verifier = await verifierAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts a token signed with a published key, with the configured claims, and verifies it once', async () => {
    const t = token();
    expect(await verifier.verify(t)).toEqual({ actor: { subject: 'kc-1', roles: ['director'], organisationId: 'herning' }, departmentId: null });
    const fetched = requests;
    expect(verifier.verify(t)).toEqual({ actor: { subject: 'kc-1', roles: ['director'], organisationId: 'herning' }, departmentId: null });
    expect(requests).toBe(fetched);
  });

  it('refuses another issuer, another audience, an unknown key and an expired token with 401', async () => {
    for (const bad of [token({ iss: 'https://evil.example' }), token({ aud: 'other' }), token({}, 'key-unknown'), token({ exp: now() - 120 })]) {
      expect(await refusal(verifier, bad)).toMatchObject({ status: 401 });
    }
  });

  it('answers 503 when the provider cannot be reached: the fault is not the caller\'s', async () => {
    const unreachable = await verifierAt('http://127.0.0.1:9/certs');
    expect(await refusal(unreachable, token())).toMatchObject({ status: 503 });
  });
});
