/** The content hash of a frozen agenda pack: SHA-256 over its canonical JSON, so anyone can recompute it. */
import { createHash } from 'node:crypto';
import type { AgendaPack } from './agenda-pack.js';
import { canonicalJson } from './canonical-json.js';
import { maskPersonalData } from '../../../personal-data/domain/personal-data.js';

export const HASH_ALGORITHM = 'sha256';

/**
 * Lower-case hex SHA-256 of the pack's canonical JSON, with every person (a system owner, a project leader) masked:
 * the log keeps a person encrypted and shows them erased once their key is deleted, and the hash must verify before
 * and after. The persons themselves are covered by the log's hash chain, over their ciphertext (libs/personal-data).
 * Throws NotCanonicalJson for a pack JSON cannot carry.
 */
export function hashAgendaPack(pack: AgendaPack): string {
  return createHash(HASH_ALGORITHM).update(canonicalJson(maskPersonalData(pack)), 'utf8').digest('hex');
}

/** Whether `pack` is exactly the content `contentHash` was computed from. False, never a throw, for any mismatch. */
export function verifyPack(pack: AgendaPack, contentHash: string): boolean {
  try {
    return hashAgendaPack(pack) === contentHash.toLowerCase();
  } catch {
    return false;
  }
}
