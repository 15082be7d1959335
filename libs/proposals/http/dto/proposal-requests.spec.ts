import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { completeDraftForm, validateProposalForm } from '../../domain/index.js';
import { AmendProposalRequest } from './amend-proposal.request.js';
import { CreateProposalRequest } from './create-proposal.request.js';
import { toDraftProposalForm, toProposalFormPatch } from './to-proposal-form.js';
import { WithdrawProposalRequest } from './withdraw-proposal.request.js';

type RequestClass = new () => object;

/** Validates as the application's ValidationPipe does: unknown properties are errors. */
async function failingFields(type: RequestClass, payload: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(type, payload) as object, { whitelist: true, forbidNonWhitelisted: true });
  return dotPaths(errors);
}

function dotPaths(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return [...(error.constraints ? [path] : []), ...dotPaths(error.children ?? [], path)];
  });
}

const minimal = { title: 'Digital mail for citizens', departmentId: 'citizen-service' };

const full = {
  ...minimal,
  summary: 'Send letters digitally',
  need: { oneYear: 'Answer citizens digitally', multiYear: 'One inbox for all departments' },
  investment: {
    developmentCost: { amountMinor: 60_000_000, currency: 'DKK' },
    yearlyOperationsCost: { amountMinor: 5_000_000, currency: 'DKK' },
    softwareAndHardware: 'A module and two scanners',
  },
  users: 'Citizens and caseworkers',
  businessValue: { expected: 'Fewer phone calls', businessGoals: ['Better service', 'Efficiency'] },
  ownResources: { description: 'A super user', hours: 120 },
  crossCutting: { solutions: ['Single sign-on'], integrations: ['CPR', 'Digital Post'] },
  systemOwner: { person: { name: 'Karen Jensen', email: 'karen.jensen@herning.dk' } },
  projectLeadership: [{ person: { name: 'Ole Hansen', email: 'ole.hansen@herning.dk' }, role: 'project leader' }],
  schedule: { plannedStart: '2026-01-01', plannedEnd: '2026-12-31' },
  estimatedHours: 800,
  legalRequirement: { required: true, legalBasis: 'Lov om Digital Post' },
  crossDepartmental: { declared: true, departmentIds: ['children', 'social'] },
  complexity: { process: true, organisation: false, systems: true },
  investmentArea: 'service_to_citizens_and_businesses',
};

describe('CreateProposalRequest', () => {
  it('accepts a draft with only a title and a department', async () => {
    expect(await failingFields(CreateProposalRequest, minimal)).toEqual([]);
    expect(toDraftProposalForm(plainToInstance(CreateProposalRequest, minimal))).toEqual(minimal);
  });

  it('accepts a full form and maps it to plain domain values the domain accepts', async () => {
    expect(await failingFields(CreateProposalRequest, full)).toEqual([]);
    const form = toDraftProposalForm(plainToInstance(CreateProposalRequest, full));
    expect(form).toStrictEqual(full);
    expect(() => validateProposalForm(completeDraftForm(form))).not.toThrow();
  });

  it.each<[string, object, string[]]>([
    ['no title nor department', {}, ['title', 'departmentId']],
    ['a blank title', { ...minimal, title: '   ' }, ['title']],
    ['a title too long', { ...minimal, title: 'x'.repeat(201) }, ['title']],
    ['a null title', { ...minimal, title: null }, ['title']],
    [
      'amounts that are not whole non-negative øre',
      { ...minimal, investment: { developmentCost: { amountMinor: -1, currency: 'DKK' }, yearlyOperationsCost: { amountMinor: 1.5, currency: 'DKK' } } },
      ['investment.developmentCost.amountMinor', 'investment.yearlyOperationsCost.amountMinor'],
    ],
    [
      'an amount as a string and an unknown currency',
      { ...minimal, investment: { developmentCost: { amountMinor: '100', currency: 'SEK' } } },
      ['investment.developmentCost.amountMinor', 'investment.developmentCost.currency'],
    ],
    [
      'dates that are not calendar dates',
      { ...minimal, schedule: { plannedStart: '2026-02-30', plannedEnd: '2026-12-31T00:00:00Z' } },
      ['schedule.plannedStart', 'schedule.plannedEnd'],
    ],
    ['an invalid system-owner email', { ...minimal, systemOwner: { person: { name: 'Karen', email: 'karen' } } }, ['systemOwner.person.email']],
    [
      'a project leader without a name',
      { ...minimal, projectLeadership: [{ person: { name: '', email: 'a@b.dk' }, role: 'lead' }] },
      ['projectLeadership.0.person.name'],
    ],
    ['too many integrations', { ...minimal, crossCutting: { integrations: Array.from({ length: 51 }, (_, i) => `i${i}`) } }, ['crossCutting.integrations']],
    ['a business goal too long', { ...minimal, businessValue: { businessGoals: ['x'.repeat(501)] } }, ['businessValue.businessGoals']],
    ['negative and fractional hours', { ...minimal, estimatedHours: -1, ownResources: { hours: 1.5 } }, ['ownResources.hours', 'estimatedHours']],
    ['an unknown investment area', { ...minimal, investmentArea: 'roads' }, ['investmentArea']],
    ['a section that is not an object', { ...minimal, need: 'everything' }, ['need']],
    ['a flag that is not a boolean', { ...minimal, complexity: { systems: 'yes' } }, ['complexity.systems']],
    ['unknown properties', { ...minimal, colour: 'red', investment: { discount: 5 } }, ['investment.discount', 'colour']],
  ])('refuses %s', async (_, payload, fields) => {
    expect((await failingFields(CreateProposalRequest, payload)).sort()).toEqual([...fields].sort());
  });
});

describe('AmendProposalRequest', () => {
  it('accepts an empty amendment, which maps to an empty patch', async () => {
    expect(await failingFields(AmendProposalRequest, {})).toEqual([]);
    expect(toProposalFormPatch(plainToInstance(AmendProposalRequest, {}))).toEqual({});
  });

  it('keeps null (clear the answer) and drops what was not sent', async () => {
    const payload = { summary: null, investment: { yearlyOperationsCost: null }, systemOwner: { person: null }, schedule: { plannedEnd: null } };
    expect(await failingFields(AmendProposalRequest, payload)).toEqual([]);
    expect(toProposalFormPatch(plainToInstance(AmendProposalRequest, payload))).toStrictEqual(payload);
  });

  it('maps a partial section to only the fields sent', async () => {
    const payload = { title: 'New title', complexity: { systems: true }, crossDepartmental: { departmentIds: [] } };
    expect(await failingFields(AmendProposalRequest, payload)).toEqual([]);
    expect(toProposalFormPatch(plainToInstance(AmendProposalRequest, payload))).toStrictEqual(payload);
  });

  it.each<[string, object, string[]]>([
    ['a null title or department', { title: null, departmentId: null }, ['title', 'departmentId']],
    ['a null section', { complexity: null }, ['complexity']],
    ['a null flag or list', { complexity: { process: null }, crossCutting: { solutions: null } }, ['crossCutting.solutions', 'complexity.process']],
    ['a blank involved department', { crossDepartmental: { departmentIds: ['children', ' '] } }, ['crossDepartmental.departmentIds']],
    ['a repeated involved department', { crossDepartmental: { departmentIds: ['children', 'children'] } }, ['crossDepartmental.departmentIds']],
  ])('refuses %s', async (_, payload, fields) => {
    expect((await failingFields(AmendProposalRequest, payload)).sort()).toEqual([...fields].sort());
  });
});

describe('WithdrawProposalRequest', () => {
  it('accepts a reason', async () => {
    expect(await failingFields(WithdrawProposalRequest, { reason: 'Covered by the national solution' })).toEqual([]);
  });

  it.each<[string, object]>([
    ['no reason', {}],
    ['a blank reason', { reason: '  ' }],
    ['a reason too long', { reason: 'x'.repeat(2001) }],
  ])('refuses %s', async (_, payload) => {
    expect(await failingFields(WithdrawProposalRequest, payload)).toEqual(['reason']);
  });
});
