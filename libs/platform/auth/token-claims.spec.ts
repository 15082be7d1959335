import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CLAIM_NAMES } from '../config/platform-config.js';
import { principalClaims, principalOf } from './token-claims.js';

describe('principalOf: who a verified token names', () => {
  it("reads Keycloak's layout by default, keeping the roles as stated (plain identifiers, once each)", () => {
    const payload = { sub: 'f3a1-user', realm_access: { roles: ['offline_access', 'director', 'director', 'not a role;'] }, organisation: 'herning' };
    expect(principalOf(payload, DEFAULT_CLAIM_NAMES)).toEqual({
      actor: { subject: 'f3a1-user', roles: ['offline_access', 'director'], organisationId: 'herning' },
      departmentId: null,
    });
  });

  it("reads configured claims, such as Entra ID's roles list and custom attributes", () => {
    const payload = { sub: 'AAAAbbbb-entra', roles: ['auditor', 'auditor'], extension_org: 'viborg', extension_dept: 'social' };
    const principal = principalOf(payload, { roles: 'roles', organisation: 'extension_org', department: 'extension_dept' });
    expect(principal).toEqual({ actor: { subject: 'AAAAbbbb-entra', roles: ['auditor'], organisationId: 'viborg' }, departmentId: 'social' });
  });

  it("accepts an organisation given as a one-element list or as Keycloak's organisation map", () => {
    expect(principalOf({ sub: 's', organisation: ['herning'] }, DEFAULT_CLAIM_NAMES).actor.organisationId).toBe('herning');
    expect(principalOf({ sub: 's', organisation: { herning: { id: 'x' } } }, DEFAULT_CLAIM_NAMES).actor.organisationId).toBe('herning');
    expect(principalOf({ sub: 's' }, DEFAULT_CLAIM_NAMES).actor.organisationId).toBeNull();
  });

  it('refuses a token naming several organisations, or values that are not plain identifiers', () => {
    for (const payload of [
      { sub: 's', organisation: ['herning', 'viborg'] },
      { sub: 's', organisation: 'herning kommune' },
      { sub: 's', department: 42 },
      { sub: 'a subject with spaces' },
      { sub: 'x'.repeat(201) },
    ]) {
      expect(() => principalOf(payload, DEFAULT_CLAIM_NAMES)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 401 }) }));
    }
  });

  it('reads back what the service writes into its own tokens', () => {
    const claims = principalClaims({ roles: ['programme_office'], organisation: 'herning', department: 'it' });
    expect(principalOf({ sub: 'anna', ...claims }, DEFAULT_CLAIM_NAMES)).toEqual({
      actor: { subject: 'anna', roles: ['programme_office'], organisationId: 'herning' },
      departmentId: 'it',
    });
  });
});
