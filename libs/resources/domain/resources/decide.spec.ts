import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import {
  AssignmentNotFound,
  CapacityBelowLoans,
  InvalidResourceRequest,
  LoanExceedsCapacity,
  LoanNotFound,
  ResourceItemIdInUse,
  ResourceNotFound,
} from '../errors.js';
import { resourceMonths } from '../capacity/capacity-view.js';
import {
  ANNA,
  assign,
  assigned,
  capacitySet,
  lend,
  lent,
  ORGANISATION_ID,
  personRegistered,
  PROJECT_ID,
  registerPerson,
  RESOURCE_ID,
  setCapacity,
} from '../testing-fixtures.js';
import { ResourceCommandType } from './commands.js';
import { resourceDecider } from './decider.js';
import { ResourceEventType } from './events.js';
import type { RegisteredResource } from './resource.js';

const given = deciderSpec(resourceDecider);

describe('RegisterResource', () => {
  it('registers a person in a role and home unit, the name and email kept together as personal data', () => {
    given([]).when(registerPerson()).then([personRegistered()]);
  });

  it('registers a team by its name', () => {
    given([])
      .when(registerPerson({ kind: 'team', person: null, teamName: 'Implementeringsteamet', roleId: 'implementation_support' }))
      .then([
        {
          type: ResourceEventType.Registered,
          data: { resourceId: RESOURCE_ID, organisationId: ORGANISATION_ID, kind: 'team', person: null, teamName: 'Implementeringsteamet', roleId: 'implementation_support', homeUnitId: 'it' },
        },
      ]);
  });

  it.each<[string, Record<string, unknown>, InvalidResourceRequest]>([
    ['a person without a name', { person: { name: ' ', email: 'a@b.dk' } }, new InvalidResourceRequest('person.name', 'must not be empty')],
    ['a person with a malformed email', { person: { name: 'Anna', email: 'anna' } }, new InvalidResourceRequest('person.email', 'must be an email address')],
    ['a person with a team name', { teamName: 'Team' }, new InvalidResourceRequest('teamName', 'is for teams only')],
    ['a team without a name', { kind: 'team', person: null }, new InvalidResourceRequest('teamName', 'must not be empty')],
    ['an unknown kind', { kind: 'robot' }, new InvalidResourceRequest('kind', 'must be one of person, team')],
    ['no home unit', { homeUnitId: '' }, new InvalidResourceRequest('homeUnitId', 'must not be empty')],
  ])('refuses %s', (_what, overrides, error) => {
    given([]).when(registerPerson(overrides)).then(error);
  });
});

describe('AmendResource', () => {
  it('records only what changed', () => {
    given([personRegistered()])
      .when({ type: ResourceCommandType.Amend, data: { resourceId: RESOURCE_ID, person: ANNA, roleId: 'process_consultant' } })
      .then([{ type: ResourceEventType.Amended, data: { resourceId: RESOURCE_ID, roleId: 'process_consultant' } }]);
  });

  it('records nothing when nothing changed', () => {
    given([personRegistered()]).when({ type: ResourceCommandType.Amend, data: { resourceId: RESOURCE_ID, person: ANNA } }).then([]);
  });

  it('needs an existing resource', () => {
    given([]).when({ type: ResourceCommandType.Amend, data: { resourceId: RESOURCE_ID, teamName: 'x' } }).then(new ResourceNotFound(RESOURCE_ID));
  });
});

describe('SetResourceCapacity', () => {
  it('sets hours per month for a range of months', () => {
    given([personRegistered()]).when(setCapacity('2027-01', '2027-06', { hoursPerMonth: 120 })).then([capacitySet('2027-01', '2027-06', 120)]);
  });

  it('converts freed time, a share of a position, at 160 hours a month: 20% is 32 hours', () => {
    const state = given([personRegistered()]).when(setCapacity('2027-01', '2027-12', { ftePercent: 20 })).then([capacitySet('2027-01', '2027-12', 32, 20)]);
    expect((state as RegisteredResource).capacity['2027-07']).toBe(32);
  });

  it('records nothing when every month already has that capacity', () => {
    given([personRegistered(), capacitySet('2027-01', '2027-12', 32, 20)]).when(setCapacity('2027-03', '2027-04', { hoursPerMonth: 32 })).then([]);
  });

  it('refuses to go below what is lent out in a month', () => {
    given([personRegistered(), capacitySet('2027-01', '2027-12', 160), lent('loan-1', '2027-03', '2027-04', 80)])
      .when(setCapacity('2027-01', '2027-12', { hoursPerMonth: 79 }))
      .then(new CapacityBelowLoans(RESOURCE_ID, '2027-03', 80));
  });

  it.each<[string, Parameters<typeof setCapacity>, InvalidResourceRequest]>([
    ['a month that does not exist', ['2027-13', '2027-12', { hoursPerMonth: 1 }], new InvalidResourceRequest('from', 'must be a month YYYY-MM from 2000 to 2100')],
    ['a range that ends before it starts', ['2027-06', '2027-05', { hoursPerMonth: 1 }], new InvalidResourceRequest('to', 'must not be before from')],
    ['more than ten years', ['2027-01', '2037-01', { hoursPerMonth: 1 }], new InvalidResourceRequest('to', 'must be at most 120 months after from')],
    ['both hours and a share', ['2027-01', '2027-01', { hoursPerMonth: 1, ftePercent: 1 }], new InvalidResourceRequest('hoursPerMonth', 'state either hoursPerMonth or ftePercent, not both')],
    ['fractional hours', ['2027-01', '2027-01', { hoursPerMonth: 1.5 }], new InvalidResourceRequest('hoursPerMonth', 'must be whole hours from 0 to 744')],
    ['more hours than a month has', ['2027-01', '2027-01', { hoursPerMonth: 745 }], new InvalidResourceRequest('hoursPerMonth', 'must be whole hours from 0 to 744')],
    ['more than a whole person', ['2027-01', '2027-01', { ftePercent: 101 }], new InvalidResourceRequest('ftePercent', 'must be a whole percent of a position from 0 to 100')],
  ])('refuses %s', (_what, args, error) => {
    given([personRegistered()]).when(setCapacity(...args)).then(error);
  });
});

describe('LendResource', () => {
  const history = [personRegistered(), capacitySet('2027-01', '2027-12', 160)];

  it('lends part of the capacity from the home unit to another unit, for a period', () => {
    given(history).when(lend('loan-1', '2027-02', '2027-07', { ftePercent: 50 })).then([lent('loan-1', '2027-02', '2027-07', 80, 50)]);
  });

  it('refuses to lend more than is left in a month, naming the month and what is left', () => {
    given([...history, lent('loan-1', '2027-02', '2027-07', 100)])
      .when(lend('loan-2', '2027-06', '2027-08', { hoursPerMonth: 61 }))
      .then(new LoanExceedsCapacity(RESOURCE_ID, '2027-06', 61, 60));
  });

  it('refuses to lend to the home unit itself', () => {
    given(history)
      .when(lend('loan-1', '2027-02', '2027-07', { hoursPerMonth: 10 }, 'it'))
      .then(new InvalidResourceRequest('borrowerUnitId', 'must be another unit than the home unit, the lender'));
  });

  it('records nothing for a retry; refuses another loan under the same id', () => {
    const withLoan = [...history, lent('loan-1', '2027-02', '2027-07', 80, 50)];
    given(withLoan).when(lend('loan-1', '2027-02', '2027-07', { ftePercent: 50 })).then([]);
    given(withLoan).when(lend('loan-1', '2027-02', '2027-08', { ftePercent: 50 })).then(new ResourceItemIdInUse('loanId', 'loan-1'));
  });

  it('cancelling a loan gives its hours back to the lender; cancelling twice records nothing', () => {
    const withLoan = [...history, lent('loan-1', '2027-02', '2027-07', 160)];
    const cancel = { type: ResourceCommandType.CancelLoan, data: { resourceId: RESOURCE_ID, loanId: 'loan-1', reason: 'Project paused' } } as const;
    const cancelled = { type: ResourceEventType.LoanCancelled, data: { resourceId: RESOURCE_ID, loanId: 'loan-1', reason: 'Project paused' } } as const;
    given(withLoan).when(cancel).then([cancelled]);
    given([...withLoan, cancelled]).when(lend('loan-2', '2027-02', '2027-07', { hoursPerMonth: 160 })).then([lent('loan-2', '2027-02', '2027-07', 160)]);
    given([...withLoan, cancelled]).when(cancel).then([]);
    given(history).when(cancel).then(new LoanNotFound(RESOURCE_ID, 'loan-1'));
  });
});

describe('AssignResource', () => {
  const history = [personRegistered(), capacitySet('2027-01', '2027-12', 100)];

  it('assigns the resource to a project for a range of months', () => {
    given(history).when(assign('a-1', '2027-01', '2027-03', { hoursPerMonth: 60 })).then([assigned('a-1', '2027-01', '2027-03', 60)]);
  });

  it('allows more than the capacity, which the resource view flags as over-allocated', () => {
    const state = given([...history, assigned('a-1', '2027-01', '2027-03', 60)])
      .when(assign('a-2', '2027-03', '2027-04', { hoursPerMonth: 50 }, 'project-2'))
      .then([assigned('a-2', '2027-03', '2027-04', 50, 'project-2')]);
    const months = resourceMonths(state as RegisteredResource);
    expect(months.find((m) => m.month === '2027-03')).toEqual({ month: '2027-03', capacityHours: 100, lentHours: 0, assignedHours: 110, overAllocated: true });
    expect(months.find((m) => m.month === '2027-04')).toMatchObject({ assignedHours: 50, overAllocated: false });
  });

  it('withdraws an assignment once; an unknown one is not found', () => {
    const withdraw = { type: ResourceCommandType.WithdrawAssignment, data: { resourceId: RESOURCE_ID, assignmentId: 'a-1' } } as const;
    const withdrawn = { type: ResourceEventType.AssignmentWithdrawn, data: { resourceId: RESOURCE_ID, assignmentId: 'a-1', projectId: PROJECT_ID, reason: null } } as const;
    given([...history, assigned('a-1', '2027-01', '2027-03', 60)]).when(withdraw).then([withdrawn]);
    given([...history, assigned('a-1', '2027-01', '2027-03', 60), withdrawn]).when(withdraw).then([]);
    given(history).when(withdraw).then(new AssignmentNotFound(RESOURCE_ID, 'a-1'));
  });

  it('needs some effort', () => {
    given(history).when(assign('a-1', '2027-01', '2027-03', { hoursPerMonth: 0 })).then(new InvalidResourceRequest('hoursPerMonth', 'must be whole hours from 1 to 744'));
  });
});
