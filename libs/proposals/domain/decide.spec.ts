import { describe, expect, it } from '@jest/globals';
import { IncompleteProposal, InvalidProposal, InvalidTransition, ProposalAlreadyExists, ProposalNotFound } from './errors.js';
import { ProposalEventType, type ProposalAmended } from './events.js';
import { classifyProposal } from './project-criteria.js';
import type { ProposalForm } from './proposal-form.js';
import { completeDraftForm, mergeProposalForm, type ProposalFormPatch } from './proposal-form-merge.js';
import {
  aCompleteForm,
  amendProposal,
  dkk,
  draftProposal,
  MINIMAL_DRAFT,
  PROPOSAL_ID,
  proposalDrafted,
  proposalSubmitted,
  proposalWithdrawn,
  submitProposal,
  withdrawProposal,
} from './testing-fixtures.js';
import { given } from './testing-given-when-then.js';

function proposalAmended(before: ProposalForm, amendment: ProposalFormPatch, changes: ProposalAmended['data']['changes']): ProposalAmended {
  const after = mergeProposalForm(before, amendment);
  return {
    type: ProposalEventType.Amended,
    data: { proposalId: PROPOSAL_ID, amendment, changes, classification: classifyProposal(after) },
  };
}

describe('DraftProposal', () => {
  it('drafts a proposal from a title and a department, leaving every other answer unstated', () => {
    const state = given([]).when(draftProposal()).then([proposalDrafted(completeDraftForm(MINIMAL_DRAFT))]);
    expect(state).toMatchObject({ status: 'draft', form: { summary: null, investment: { developmentCost: null } } });
  });

  it('records the classification of the drafted form', () => {
    const form = aCompleteForm({ estimatedHours: 400 });
    const state = given([]).when(draftProposal(form)).then([proposalDrafted(form)]);
    expect(state).toMatchObject({ classification: { classification: 'portfolio_project', criteriaMet: ['hours_above_threshold'] } });
  });

  it('refuses to draft a proposal that already exists', () => {
    given([proposalDrafted()]).when(draftProposal()).then(new ProposalAlreadyExists(PROPOSAL_ID));
  });

  it.each<[string, ProposalFormPatch, InvalidProposal]>([
    ['a blank title', { title: '  ' }, new InvalidProposal('title', 'must not be empty')],
    ['a blank department', { departmentId: '' }, new InvalidProposal('departmentId', 'must not be empty')],
    [
      'a negative development cost',
      { investment: { developmentCost: { amountMinor: -1, currency: 'DKK' } } },
      new InvalidProposal('investment.developmentCost.amountMinor', 'must be a non-negative whole number of minor units (øre)'),
    ],
    [
      'an operations cost beyond the safe integers',
      { investment: { yearlyOperationsCost: { amountMinor: Number.MAX_SAFE_INTEGER + 1, currency: 'DKK' } } },
      new InvalidProposal('investment.yearlyOperationsCost.amountMinor', 'must be a non-negative whole number of minor units (øre)'),
    ],
    [
      'a fractional amount',
      { investment: { developmentCost: { amountMinor: 10.5, currency: 'DKK' } } },
      new InvalidProposal('investment.developmentCost.amountMinor', 'must be a non-negative whole number of minor units (øre)'),
    ],
    [
      'an unknown currency',
      { investment: { developmentCost: { amountMinor: 1, currency: 'SEK' as 'DKK' } } },
      new InvalidProposal('investment.developmentCost.currency', 'must be one of DKK, NOK, EUR'),
    ],
    [
      'development and operations in different currencies',
      { investment: { developmentCost: dkk(1), yearlyOperationsCost: { amountMinor: 1, currency: 'EUR' } } },
      new InvalidProposal('investment.yearlyOperationsCost', 'must be in the same currency as the development cost'),
    ],
    [
      'negative own-resource hours',
      { ownResources: { hours: -5 } },
      new InvalidProposal('ownResources.hours', 'must be a non-negative whole number of hours'),
    ],
    [
      'fractional estimated hours',
      { estimatedHours: 12.5 },
      new InvalidProposal('estimatedHours', 'must be a non-negative whole number of hours'),
    ],
    [
      'a planned end before the start',
      { schedule: { plannedStart: '2026-03-01', plannedEnd: '2026-02-28' } },
      new InvalidProposal('schedule.plannedEnd', 'must not be before the planned start'),
    ],
    [
      'a day that does not exist',
      { schedule: { plannedStart: '2026-02-30' } },
      new InvalidProposal('schedule.plannedStart', 'must be a calendar date YYYY-MM-DD'),
    ],
    [
      'a date with a time',
      { schedule: { plannedEnd: '2026-02-01T10:00:00Z' } },
      new InvalidProposal('schedule.plannedEnd', 'must be a calendar date YYYY-MM-DD'),
    ],
    [
      'a system owner without an email',
      { systemOwner: { person: { name: 'Karen Jensen', email: ' ' } } },
      new InvalidProposal('systemOwner.person.email', 'must not be empty'),
    ],
    [
      'a project leader without a role',
      { projectLeadership: [{ person: { name: 'Ole', email: 'ole@herning.dk' }, role: '' }] },
      new InvalidProposal('projectLeadership.0.role', 'must not be empty'),
    ],
    [
      'a blank involved department',
      { crossDepartmental: { departmentIds: [''] } },
      new InvalidProposal('crossDepartmental.departmentIds.0', 'must not be empty'),
    ],
    [
      'an unknown investment area',
      { investmentArea: 'roads' as 'digital_workplace' },
      new InvalidProposal(
        'investmentArea',
        'must be one of service_to_citizens_and_businesses, digital_workplace, modernisation_of_systems_and_architecture',
      ),
    ],
  ])('refuses a draft with %s', (_, answers, error) => {
    given([]).when(draftProposal({ ...MINIMAL_DRAFT, ...answers })).then(error);
  });

  it('accepts a planned end on the day of the start', () => {
    const form = completeDraftForm({ ...MINIMAL_DRAFT, schedule: { plannedStart: '2026-03-01', plannedEnd: '2026-03-01' } });
    given([]).when(draftProposal(form)).then([proposalDrafted(form)]);
  });
});

describe('AmendProposal', () => {
  const draftForm = completeDraftForm(MINIMAL_DRAFT);

  it('refuses to amend a proposal that does not exist', () => {
    given([]).when(amendProposal({ title: 'New' })).then(new ProposalNotFound(PROPOSAL_ID));
  });

  it('records only the changed answers of a draft, with their old values', () => {
    const amendment: ProposalFormPatch = {
      title: MINIMAL_DRAFT.title,
      summary: 'Send letters digitally',
      need: { oneYear: 'Digital post', multiYear: undefined },
      complexity: { systems: true },
    };
    const state = given([proposalDrafted(draftForm)])
      .when(amendProposal(amendment))
      .then([
        proposalAmended(draftForm, { summary: 'Send letters digitally', need: { oneYear: 'Digital post' }, complexity: { systems: true } }, [
          { field: 'summary', from: null, to: 'Send letters digitally' },
          { field: 'need.oneYear', from: null, to: 'Digital post' },
          { field: 'complexity.systems', from: false, to: true },
        ]),
      ]);
    expect(state).toMatchObject({
      status: 'draft',
      form: { summary: 'Send letters digitally', need: { oneYear: 'Digital post', multiYear: null } },
      classification: { classification: 'portfolio_project', criteriaMet: ['complex'] },
    });
  });

  it('clears an answer set to null and replaces lists whole', () => {
    const before = aCompleteForm({ crossCutting: { solutions: ['Single sign-on', 'Digital post'] } });
    given([proposalDrafted(before)])
      .when(amendProposal({ summary: null, investment: { yearlyOperationsCost: null }, crossCutting: { solutions: ['Digital post'] } }))
      .then([
        proposalAmended(before, { investment: { yearlyOperationsCost: null }, crossCutting: { solutions: ['Digital post'] } }, [
          { field: 'investment.yearlyOperationsCost', from: dkk(20_000), to: null },
          { field: 'crossCutting.solutions', from: ['Single sign-on', 'Digital post'], to: ['Digital post'] },
        ]),
      ]);
  });

  it('reclassifies when an amendment crosses the cost threshold', () => {
    const before = aCompleteForm(); // operations DKK 20,000 a year
    const state = given([proposalDrafted(before)])
      .when(amendProposal({ investment: { developmentCost: dkk(480_001) } }))
      .then([
        proposalAmended(before, { investment: { developmentCost: dkk(480_001) } }, [
          { field: 'investment.developmentCost', from: dkk(200_000), to: dkk(480_001) },
        ]),
      ]);
    expect(state).toMatchObject({ classification: { isProject: true, criteriaMet: ['cost_above_threshold'] } });
  });

  it('amends a submitted proposal, which stays submitted', () => {
    const before = aCompleteForm();
    const state = given([proposalDrafted(before), proposalSubmitted()])
      .when(amendProposal({ users: 'Caseworkers' }))
      .then([proposalAmended(before, { users: 'Caseworkers' }, [{ field: 'users', from: null, to: 'Caseworkers' }])]);
    expect(state).toMatchObject({ status: 'submitted', form: { users: 'Caseworkers' } });
  });

  it('refuses an amendment that would make a submitted proposal incomplete', () => {
    given([proposalDrafted(aCompleteForm()), proposalSubmitted()])
      .when(amendProposal({ systemOwner: { person: null }, need: { oneYear: ' ' } }))
      .then(new IncompleteProposal(['need.oneYear', 'systemOwner.person']));
  });

  it('lets a draft lose answers a submission would need', () => {
    const before = aCompleteForm();
    given([proposalDrafted(before)])
      .when(amendProposal({ systemOwner: { person: null } }))
      .then([proposalAmended(before, { systemOwner: { person: null } }, [{ field: 'systemOwner.person', from: before.systemOwner.person, to: null }])]);
  });

  it('refuses to amend a withdrawn proposal', () => {
    given([proposalDrafted(), proposalWithdrawn()])
      .when(amendProposal({ title: 'Again' }))
      .then(new InvalidTransition('withdrawn', 'amended'));
  });

  it('records nothing for an amendment that changes nothing', () => {
    const before = aCompleteForm();
    given([proposalDrafted(before)]).when(amendProposal({})).then([]);
    given([proposalDrafted(before)])
      .when(amendProposal({ title: before.title, investment: { developmentCost: dkk(200_000) }, systemOwner: before.systemOwner }))
      .then([]);
  });

  it('refuses an amendment that breaks a rule of the form', () => {
    given([proposalDrafted(aCompleteForm({ schedule: { plannedStart: '2026-01-01', plannedEnd: '2026-12-31' } }))])
      .when(amendProposal({ schedule: { plannedEnd: '2025-12-31' } }))
      .then(new InvalidProposal('schedule.plannedEnd', 'must not be before the planned start'));
  });
});

describe('SubmitProposal', () => {
  it('refuses to submit a proposal that does not exist', () => {
    given([]).when(submitProposal()).then(new ProposalNotFound(PROPOSAL_ID));
  });

  it('submits a complete draft', () => {
    const state = given([proposalDrafted(aCompleteForm())]).when(submitProposal()).then([proposalSubmitted()]);
    expect(state.status).toBe('submitted');
  });

  it('refuses to submit an incomplete draft, naming every missing answer', () => {
    given([proposalDrafted()])
      .when(submitProposal())
      .then(new IncompleteProposal(['need.oneYear', 'investment.developmentCost', 'systemOwner.person', 'businessValue.expected']));
  });

  it('submits a draft completed by amendments', () => {
    const complete = aCompleteForm();
    const draft = completeDraftForm(MINIMAL_DRAFT);
    const amendment = { need: complete.need, investment: complete.investment, systemOwner: complete.systemOwner, businessValue: complete.businessValue };
    const amended = given([proposalDrafted(draft)]).when(amendProposal(amendment));
    const state = amended.then([
      proposalAmended(draft, { ...amendment, need: { oneYear: complete.need.oneYear } }, [
        { field: 'need.oneYear', from: null, to: complete.need.oneYear },
        { field: 'investment.developmentCost', from: null, to: complete.investment.developmentCost },
        { field: 'investment.yearlyOperationsCost', from: null, to: complete.investment.yearlyOperationsCost },
        { field: 'investment.softwareAndHardware', from: null, to: complete.investment.softwareAndHardware },
        { field: 'businessValue.expected', from: null, to: complete.businessValue.expected },
        { field: 'businessValue.businessGoals', from: [], to: complete.businessValue.businessGoals },
        { field: 'systemOwner.person', from: null, to: complete.systemOwner.person },
      ]),
    ]);
    expect(state).toMatchObject({ status: 'draft', form: complete });
  });

  it('refuses to submit twice', () => {
    given([proposalDrafted(aCompleteForm()), proposalSubmitted()])
      .when(submitProposal())
      .then(new InvalidTransition('submitted', 'submitted'));
  });

  it('refuses to submit a withdrawn proposal', () => {
    given([proposalDrafted(aCompleteForm()), proposalWithdrawn()])
      .when(submitProposal())
      .then(new InvalidTransition('withdrawn', 'submitted'));
  });
});

describe('WithdrawProposal', () => {
  it('refuses to withdraw a proposal that does not exist', () => {
    given([]).when(withdrawProposal()).then(new ProposalNotFound(PROPOSAL_ID));
  });

  it('withdraws a draft with its reason', () => {
    const state = given([proposalDrafted()]).when(withdrawProposal('Duplicate')).then([proposalWithdrawn('Duplicate')]);
    expect(state).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Duplicate' });
  });

  it('withdraws a submitted proposal', () => {
    given([proposalDrafted(aCompleteForm()), proposalSubmitted()]).when(withdrawProposal()).then([proposalWithdrawn()]);
  });

  it('refuses to withdraw twice', () => {
    given([proposalDrafted(), proposalWithdrawn()]).when(withdrawProposal()).then(new InvalidTransition('withdrawn', 'withdrawn'));
  });

  it('refuses a withdrawal without a reason', () => {
    given([proposalDrafted()]).when(withdrawProposal('  ')).then(new InvalidProposal('reason', 'a withdrawal must state a reason'));
  });
});

describe('events', () => {
  it('are plain data: a JSON round trip replays to the same state', () => {
    const form = aCompleteForm();
    const history = [
      proposalDrafted(form),
      proposalAmended(form, { summary: 'x', investment: { yearlyOperationsCost: null } }, [
        { field: 'summary', from: null, to: 'x' },
        { field: 'investment.yearlyOperationsCost', from: dkk(20_000), to: null },
      ]),
      proposalSubmitted(),
    ];
    const replayed = given(JSON.parse(JSON.stringify(history))).when(withdrawProposal()).then([proposalWithdrawn()]);
    const direct = given(history).when(withdrawProposal()).then([proposalWithdrawn()]);
    expect(replayed).toEqual(direct);
    expect(direct).toMatchObject({ form: { summary: 'x', investment: { yearlyOperationsCost: null } } });
  });
});
