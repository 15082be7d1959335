import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

/**
 * Signs a JWT with ES256, synchronously (node:crypto), so that test helpers can hand out tokens without awaiting.
 * The service verifies with `jose`; only the service's own tokens and tests are signed here.
 */
export function signEs256Jwt(privateKey: KeyObject | string, claims: Readonly<Record<string, unknown>>, keyId?: string): string {
  const header = { alg: 'ES256', typ: 'JWT', ...(keyId && { kid: keyId }) };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key: typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
