import type { EventMetadata } from '../../libs/event-store/index.js';
import {
  decide,
  evolve,
  initialProposalState,
  INVESTMENT_AREAS,
  ProposalCommandType,
  type Currency,
  type DraftProposalForm,
  type ProposalEvent,
  type ProposalFormPatch,
  type ProposalState,
} from '../../libs/proposals/domain/index.js';
import { Random } from './random.js';

/**
 * Realistic proposal histories, produced by the domain's own `decide`/`evolve` (so every shape is exactly what the
 * application would record): Drafted with a fairly complete form, two amendments, Submitted.
 * Everything is derived from the proposal's index, so the same index always gives the same events.
 */

export const ORGANISATIONS = ['herning', 'aarhus', 'viborg'] as const;
export const DEPARTMENTS = [
  'citizen-service', 'children-and-youth', 'culture-and-leisure', 'elderly-care', 'employment',
  'finance', 'health', 'it-and-digitalisation', 'planning-and-environment', 'social-services',
] as const;
const NOUNS = ['case handling', 'booking', 'self-service', 'document archive', 'school portal', 'payroll', 'inspection app', 'GIS platform', 'chatbot', 'integration hub'];
const VERBS = ['Modernise', 'Replace', 'Digitalise', 'Consolidate', 'Automate', 'Introduce'];
const FIRST = ['Karen', 'Mette', 'Lars', 'Søren', 'Anne', 'Jens', 'Hanne', 'Peter', 'Louise', 'Mikkel'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'];

export interface GeneratedProposal {
  readonly proposalId: string;
  readonly organisationId: string;
  /** In lifecycle order: Drafted, Amended, Amended, Submitted. */
  readonly events: readonly ProposalEvent[];
}

const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' as Currency });
const date = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

export function draftForm(r: Random, department = r.pick(DEPARTMENTS)): DraftProposalForm {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const startYear = r.int(2026, 2028);
  return {
    title: `${r.pick(VERBS)} ${r.pick(NOUNS)} for ${department.replace(/-/g, ' ')}`,
    summary: `The department wants to ${r.pick(VERBS).toLowerCase()} its ${r.pick(NOUNS)} so that citizens and staff spend less time on manual steps.`,
    departmentId: department,
    need: {
      oneYear: 'Case workers re-key the same data into three systems; waiting times have doubled since last year.',
      multiYear: r.chance(0.5) ? 'A common platform for the whole municipality by the end of the planning horizon.' : null,
    },
    investment: {
      developmentCost: dkk(r.int(5, 200) * 10_000),
      yearlyOperationsCost: dkk(r.int(1, 40) * 5_000),
      softwareAndHardware: 'Standard SaaS licences and an integration module',
    },
    users: 'Case workers and about 20,000 citizens a year',
    businessValue: { expected: 'Fewer phone calls and shorter case handling times', businessGoals: ['Better service', 'Efficient administration'] },
    systemOwner: { person: { name: `${first} ${last}`, email: `${first.toLowerCase()}.${last.toLowerCase()}@example.dk` } },
    schedule: r.chance(0.7) ? { plannedStart: date(startYear, r.int(1, 6)), plannedEnd: date(startYear + 1, r.int(1, 12)) } : undefined,
    estimatedHours: r.int(50, 2000),
    complexity: { process: r.chance(0.3), organisation: r.chance(0.2), systems: r.chance(0.4) },
    investmentArea: r.pick(INVESTMENT_AREAS),
  };
}

function amendments(r: Random): [ProposalFormPatch, ProposalFormPatch] {
  return [
    {
      investment: { developmentCost: dkk(r.int(5, 300) * 10_000) },
      need: { oneYear: 'Case workers re-key the same data into three systems; waiting times are now eight weeks.' },
      estimatedHours: r.int(100, 3000),
    },
    {
      schedule: { plannedStart: date(2027, r.int(1, 6)), plannedEnd: date(2028, r.int(1, 12)) },
      projectLeadership: [{ person: { name: `${r.pick(FIRST)} ${r.pick(LAST)}`, email: 'project.leader@example.dk' }, role: 'project leader' }],
      legalRequirement: r.chance(0.2) ? { required: true, legalBasis: 'Lov om Digital Post §3' } : undefined,
    },
  ];
}

export function generateProposal(index: number, seed = 'proposals', organisation?: string): GeneratedProposal {
  const r = new Random(`${seed}:${index}`);
  const proposalId = r.uuid();
  const organisationId = organisation ?? ORGANISATIONS[index % ORGANISATIONS.length];
  let state: ProposalState = initialProposalState();
  const events: ProposalEvent[] = [];
  const run = (command: Parameters<typeof decide>[0]) => {
    for (const e of decide(command, state)) {
      events.push(e);
      state = evolve(state, e);
    }
  };
  run({ type: ProposalCommandType.Draft, data: { proposalId, organisationId, form: draftForm(r) } });
  const [first, second] = amendments(r);
  run({ type: ProposalCommandType.Amend, data: { proposalId, amendment: first } });
  run({ type: ProposalCommandType.Amend, data: { proposalId, amendment: second } });
  run({ type: ProposalCommandType.Submit, data: { proposalId } });
  if (events.length !== 4) throw new Error(`proposal ${index}: expected 4 events, got ${events.length}`);
  return { proposalId, organisationId, events };
}

/** What the application layer adds to every event: who, and the request it came from. */
export function metadataFor(r: Random, organisationId: string): EventMetadata {
  const correlationId = r.uuid();
  return {
    actor: { subject: `user-${r.int(1, 500)}@${organisationId}`, roles: ['proposer'], organisationId },
    correlationId,
    causationId: correlationId,
    requestId: r.uuid(),
  };
}
