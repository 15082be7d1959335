import type { PlainPerson } from './personal-data.js';

/**
 * Who a person is, for finding their key: within one organisation, the same email address (case and surrounding
 * space aside) is the same person wherever it appears (a proposal's system owner, a resource, a forum member), so one
 * erasure reaches all of it. A person given without an email (a forum member may be) is known by their name.
 * The identity is only ever stored hashed, beside the key, and goes with it on erasure.
 */
export function personIdentity(organisationId: string, person: PlainPerson): string {
  const email = person['email'];
  if (typeof email === 'string' && email.trim() !== '') return `${organisationId}\nemail:${normaliseEmail(email)}`;
  const name = typeof person['name'] === 'string' ? person['name'] : JSON.stringify(person);
  return `${organisationId}\nname:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

export function identityByEmail(organisationId: string, email: string): string {
  return `${organisationId}\nemail:${normaliseEmail(email)}`;
}

function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
