import { describe, expect, it } from '@jest/globals';
import {
  DepartmentAlreadyExists,
  DepartmentIsClosed,
  DepartmentNotFound,
  InvalidOrganisation,
  OrganisationAlreadyExists,
  OrganisationNotFound,
} from './errors.js';
import { openDepartments, type Organisation } from './organisation-state.js';
import {
  addDepartment,
  closeDepartment,
  departmentAdded,
  departmentClosed,
  departmentRenamed,
  given,
  ORGANISATION_ID,
  organisationRegistered,
  registerOrganisation,
  renameDepartment,
} from './testing/fixtures.js';

const registered = organisationRegistered();

describe('RegisterOrganisation', () => {
  it('registers an organisation without departments', () => {
    const state = given([]).when(registerOrganisation()).then([registered]);
    expect(state).toEqual({ status: 'registered', organisationId: ORGANISATION_ID, name: 'Herning Kommune', kind: 'municipality', departments: [] });
  });

  it('registers a collaboration and another public body', () => {
    given([]).when(registerOrganisation({ organisationId: '4k', name: '4K', kind: 'collaboration' })).then([
      organisationRegistered({ organisationId: '4k', name: '4K', kind: 'collaboration' }),
    ]);
    given([]).when(registerOrganisation({ kind: 'other_public_body' })).then([organisationRegistered({ kind: 'other_public_body' })]);
  });

  it('refuses to register an organisation that already exists', () => {
    given([registered]).when(registerOrganisation()).then(new OrganisationAlreadyExists(ORGANISATION_ID));
  });

  it.each<[string, Parameters<typeof registerOrganisation>[0], InvalidOrganisation]>([
    ['a blank id', { organisationId: ' ' }, new InvalidOrganisation('organisationId', 'must not be empty')],
    ['a blank name', { name: '' }, new InvalidOrganisation('name', 'must not be empty')],
    [
      'an unknown kind',
      { kind: 'region' as 'municipality' },
      new InvalidOrganisation('kind', 'must be one of municipality, collaboration, other_public_body'),
    ],
  ])('refuses %s', (_, overrides, error) => {
    given([]).when(registerOrganisation(overrides)).then(error);
  });
});

describe('AddDepartment', () => {
  it('adds an open department', () => {
    const state = given([registered]).when(addDepartment('social', 'Social og Sundhed')).then([departmentAdded('social', 'Social og Sundhed')]);
    expect((state as Organisation).departments).toEqual([{ departmentId: 'social', name: 'Social og Sundhed', status: 'open', formerNames: [] }]);
  });

  it('refuses an id already used in the organisation, also by a closed department', () => {
    given([registered, departmentAdded('social', 'Social')]).when(addDepartment('social', 'Other')).then(new DepartmentAlreadyExists('social'));
    given([registered, departmentAdded('social', 'Social'), departmentClosed('social')])
      .when(addDepartment('social', 'Social again'))
      .then(new DepartmentAlreadyExists('social'));
  });

  it('refuses a blank id or name', () => {
    given([registered]).when(addDepartment('', 'Social')).then(new InvalidOrganisation('departmentId', 'must not be empty'));
    given([registered]).when(addDepartment('social', ' ')).then(new InvalidOrganisation('name', 'must not be empty'));
  });

  it('refuses to add a department to an organisation that does not exist', () => {
    given([]).when(addDepartment('social', 'Social')).then(new OrganisationNotFound(ORGANISATION_ID));
  });
});

describe('RenameDepartment', () => {
  const history = [registered, departmentAdded('culture', 'Kultur')];

  it('renames and keeps the former name', () => {
    const state = given(history).when(renameDepartment('culture', 'Kultur og Fritid')).then([departmentRenamed('culture', 'Kultur', 'Kultur og Fritid')]);
    expect((state as Organisation).departments[0]).toEqual({ departmentId: 'culture', name: 'Kultur og Fritid', status: 'open', formerNames: ['Kultur'] });
  });

  it('records nothing when the name is the current one', () => {
    given(history).when(renameDepartment('culture', 'Kultur')).then([]);
  });

  it('refuses a blank name, an unknown department and a closed one', () => {
    given(history).when(renameDepartment('culture', '')).then(new InvalidOrganisation('name', 'must not be empty'));
    given(history).when(renameDepartment('roads', 'Veje')).then(new DepartmentNotFound('roads'));
    given([...history, departmentClosed('culture')]).when(renameDepartment('culture', 'Kultur og Fritid')).then(new DepartmentIsClosed('culture'));
  });

  it('refuses to rename in an organisation that does not exist', () => {
    given([]).when(renameDepartment('culture', 'Kultur')).then(new OrganisationNotFound(ORGANISATION_ID));
  });
});

describe('CloseDepartment', () => {
  const history = [registered, departmentAdded('culture', 'Kultur'), departmentAdded('social', 'Social')];

  it('closes the department and keeps it, with its names', () => {
    const state = given([...history, departmentRenamed('culture', 'Kultur', 'Kultur og Fritid')])
      .when(closeDepartment('culture'))
      .then([departmentClosed('culture')]) as Organisation;
    expect(state.departments).toEqual([
      { departmentId: 'culture', name: 'Kultur og Fritid', status: 'closed', formerNames: ['Kultur'] },
      { departmentId: 'social', name: 'Social', status: 'open', formerNames: [] },
    ]);
    expect(openDepartments(state).map((d) => d.departmentId)).toEqual(['social']);
  });

  it('refuses an unknown department or one already closed', () => {
    given(history).when(closeDepartment('roads')).then(new DepartmentNotFound('roads'));
    given([...history, departmentClosed('culture')]).when(closeDepartment('culture')).then(new DepartmentIsClosed('culture'));
  });

  it('refuses to close in an organisation that does not exist', () => {
    given([]).when(closeDepartment('culture')).then(new OrganisationNotFound(ORGANISATION_ID));
  });
});
