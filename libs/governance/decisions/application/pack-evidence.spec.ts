import { describe, expect, it } from '@jest/globals';
import type { AgendaPack } from '../../domain/agendas/index.js';
import { SYSTEM_OWNER_AS_BENEFIT_OWNER, packEvidence } from './pack-evidence.js';

const packWith = (systemOwner: unknown): AgendaPack =>
  ({ items: [{ proposalId: 'p-1', scores: { weightedScore: 62.5 }, proposal: { content: { form: { systemOwner } } } }] }) as unknown as AgendaPack;

describe('packEvidence', () => {
  it('records that the system owner stands in as benefit owner, never who they are', () => {
    const evidence = packEvidence(packWith({ person: { name: 'Karen Jensen', email: 'karen.jensen@herning.dk' } }), 'p-1');
    expect(evidence.benefitOwnerId).toBe(SYSTEM_OWNER_AS_BENEFIT_OWNER);
    expect(JSON.stringify(evidence)).not.toMatch(/karen/i);
  });

  it('counts an erased or absent system owner as no benefit owner', () => {
    expect(packEvidence(packWith({ person: { erased: true } }), 'p-1').benefitOwnerId).toBeNull();
    expect(packEvidence(packWith(undefined), 'p-1').benefitOwnerId).toBeNull();
    expect(packEvidence(packWith({ person: { name: ' ', email: '' } }), 'p-1').benefitOwnerId).toBeNull();
  });
});
