import type { JWTPayload } from 'jose';
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from '../config/platform-config.js';
import type { Principal } from '../request-context/actor-resolver.js';
import { invalidToken } from './authentication-problems.js';

/** Subjects, organisations and departments end up in logs and events: plain identifiers only. */
const IDENTIFIER = /^[A-Za-z0-9._:@|+-]{1,200}$/;

/** The claims of the service's own tokens, in the default (Keycloak) layout. */
export function principalClaims(p: { roles: readonly string[]; organisation: string; department?: string }): Record<string, unknown> {
  return {
    [DEFAULT_CLAIM_NAMES.roles.split('.')[0]]: { roles: [...p.roles] },
    [DEFAULT_CLAIM_NAMES.organisation]: p.organisation,
    ...(p.department !== undefined && { [DEFAULT_CLAIM_NAMES.department]: p.department }),
  };
}

/**
 * Who a verified token names. Roles are kept as the token states them (plain identifiers, once each), so events
 * record what the identity provider said; only the roles of `Role` grant anything. Point `AUTH_ROLES_CLAIM` at a
 * client's roles (`resource_access.<client>.roles`) to leave out a provider's own roles such as `offline_access`.
 */
export function principalOf(payload: JWTPayload, names: ClaimNames): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || !IDENTIFIER.test(subject)) throw invalidToken('the sub claim is not a plain identifier');
  const roles = [...new Set(asStrings(claimAt(payload, names.roles)))].filter((r) => IDENTIFIER.test(r));
  const organisationId = identifier(single(claimAt(payload, names.organisation)), 'organisation');
  const departmentId = identifier(single(claimAt(payload, names.department)), 'department');
  return { actor: { subject, roles, organisationId }, departmentId };
}

/** `realm_access.roles` walks into nested objects. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A list of strings, or one string of space- or comma-separated values (Entra ID and Keycloak both use lists). */
function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A string; a list of one string; or Keycloak's organisation map with one key (`{ "herning": {...} }`). */
function single(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : value.length === 0 ? undefined : value;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 1 ? keys[0] : keys.length === 0 ? undefined : value;
  }
  return value;
}

function identifier(value: unknown, claim: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) throw invalidToken(`the ${claim} claim is not one plain identifier`);
  return value;
}
