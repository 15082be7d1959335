import { describe, expect, it } from '@jest/globals';
import { DomainError, InconsistentOrganisationHistory } from './errors.js';
import type { OrganisationEvent } from './events.js';
import { evolveOrganisation } from './evolve.js';
import { initialOrganisationState } from './organisation-state.js';
import { departmentAdded, departmentClosed, departmentRenamed, organisationRegistered } from './testing/fixtures.js';

const replay = (events: OrganisationEvent[]) => events.reduce(evolveOrganisation, initialOrganisationState());

describe('evolveOrganisation', () => {
  it('starts with no organisation', () => {
    expect(initialOrganisationState()).toEqual({ status: 'none' });
  });

  it('refuses a history that does not start with the registration, or registers twice', () => {
    expect(() => replay([departmentAdded('social', 'Social')])).toThrow(InconsistentOrganisationHistory);
    expect(() => replay([organisationRegistered(), organisationRegistered()])).toThrow(InconsistentOrganisationHistory);
  });

  it('refuses a rename or a closure of a department never added', () => {
    expect(() => replay([organisationRegistered(), departmentRenamed('social', 'A', 'B')])).toThrow(InconsistentOrganisationHistory);
    expect(() => replay([organisationRegistered(), departmentClosed('social')])).toThrow(InconsistentOrganisationHistory);
  });

  it('such a history is a defect, not a domain error', () => {
    expect(new InconsistentOrganisationHistory('DepartmentClosed', 'x')).not.toBeInstanceOf(DomainError);
  });
});
