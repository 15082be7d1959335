/** Rules every recorded value keeps (shape and length limits are the HTTP layer's job). */
import { InvalidOrganisation } from './errors.js';
import { ORGANISATION_KINDS } from './organisation-state.js';

export function requireText(text: unknown, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidOrganisation(field, 'must not be empty');
}

export function validateOrganisationKind(kind: unknown): void {
  if (typeof kind !== 'string' || !(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidOrganisation('kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
  }
}
