import { createHash } from 'node:crypto';

/** The namespace of funding-pool ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('5d0c7a4e9b2f4c1a8e3d6b7f0a1c2e4d', 'hex');

/**
 * A pool's id is derived from what makes it unique: its organisation, forum, year and investment area (none: the
 * whole pool). A name-based UUID (version 5, SHA-1), so establishing the same pool twice lands on the same stream and
 * is refused there, atomically; and another context (the agenda freeze) can name a forum's pool without a lookup.
 */
export function fundingPoolId(organisationId: string, forumId: string, year: number, investmentArea: string | null): string {
  const name = JSON.stringify([organisationId, forumId, year, investmentArea]);
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const fundingPoolStream = (poolId: string) => `funding-pool-${poolId}`;
