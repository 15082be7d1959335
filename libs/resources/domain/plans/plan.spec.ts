import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import { InvalidResourceRequest } from '../errors.js';
import { PlanCommandType, PlanEventType, planDecider, type DemandSetData, type PlanState } from './plan.js';

const given = deciderSpec(planDecider);
const setDemand = (roleId: string, from: string, to: string, effort: { hoursPerMonth?: number; ftePercent?: number }) =>
  ({ type: PlanCommandType.SetDemand, data: { projectId: 'p1', organisationId: 'viborg', roleId, from, to, ...effort } }) as const;
const demandSet = (roleId: string, from: string, to: string, hoursPerMonth: number, ftePercent: number | null = null) => ({
  type: PlanEventType.DemandSet,
  data: { projectId: 'p1', organisationId: 'viborg', roleId, from, to, hoursPerMonth, ftePercent } satisfies DemandSetData,
});

describe('SetDemand', () => {
  it("sets a project's demand for a role over a range of months", () => {
    const state = given([]).when(setDemand('project_leader', '2027-01', '2027-03', { hoursPerMonth: 80 })).then([demandSet('project_leader', '2027-01', '2027-03', 80)]);
    expect((state as Extract<PlanState, { status: 'planned' }>).demand).toEqual({ project_leader: { '2027-01': 80, '2027-02': 80, '2027-03': 80 } });
  });

  it('replaces the months it names, and 0 clears them', () => {
    const state = given([demandSet('project_leader', '2027-01', '2027-03', 80)])
      .when(setDemand('project_leader', '2027-03', '2027-04', { hoursPerMonth: 0 }))
      .then([demandSet('project_leader', '2027-03', '2027-04', 0)]);
    expect((state as Extract<PlanState, { status: 'planned' }>).demand).toEqual({ project_leader: { '2027-01': 80, '2027-02': 80 } });
  });

  it('may be stated in shares of a position: half a project leader is 80 hours a month', () => {
    given([]).when(setDemand('project_leader', '2027-01', '2027-01', { ftePercent: 50 })).then([demandSet('project_leader', '2027-01', '2027-01', 80, 50)]);
  });

  it('records nothing when the months already have that demand', () => {
    given([demandSet('project_leader', '2027-01', '2027-03', 80)]).when(setDemand('project_leader', '2027-02', '2027-03', { hoursPerMonth: 80 })).then([]);
  });

  it('refuses a role that is no role id, and a malformed range', () => {
    given([]).when(setDemand('Project Leader', '2027-01', '2027-01', { hoursPerMonth: 1 })).then(new InvalidResourceRequest('roleId', 'must be the id of a role'));
    given([]).when(setDemand('project_leader', '2027-1', '2027-01', { hoursPerMonth: 1 })).then(new InvalidResourceRequest('from', 'must be a month YYYY-MM from 2000 to 2100'));
  });
});
