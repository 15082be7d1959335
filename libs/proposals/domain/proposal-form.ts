/**
 * The content of a proposal (projektindstilling): the standard form of the yearly call (DOMAIN.md, "The proposal").
 * A draft may be incomplete, so every answer except title and department may be `null` (not stated yet);
 * `null` rather than an absent key so that the stored event says so explicitly and an amendment can clear an answer.
 */

import type { Money } from '../../shared-kernel/money.js';

export { CURRENCIES, type Currency, type Money } from '../../shared-kernel/money.js';

/** Personal data: kept as one nested object so that it can be encrypted (or erased) as a unit. */
export interface Person {
  readonly name: string;
  readonly email: string;
}

export interface ProjectLeader {
  readonly person: Person;
  /** e.g. project owner, project leader, process consultant. */
  readonly role: string;
}

/** Investment areas of the planning horizon (DOMAIN.md, "Money"). */
export const INVESTMENT_AREAS = [
  'service_to_citizens_and_businesses',
  'digital_workplace',
  'modernisation_of_systems_and_architecture',
] as const;
export type InvestmentArea = (typeof INVESTMENT_AREAS)[number];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface NeedSection {
  readonly oneYear: string | null;
  readonly multiYear: string | null;
}

export interface InvestmentSection {
  readonly developmentCost: Money | null;
  readonly yearlyOperationsCost: Money | null;
  /** What software and hardware the investment buys. */
  readonly softwareAndHardware: string | null;
}

export interface BusinessValueSection {
  readonly expected: string | null;
  /** IT is a means, never a goal: the area's own business goals the proposal argues from. */
  readonly businessGoals: readonly string[];
}

/** Development and implementation resources the area provides itself. */
export interface OwnResourcesSection {
  readonly description: string | null;
  readonly hours: number | null;
}

export interface CrossCuttingSection {
  /** Wishes for cross-cutting solutions. */
  readonly solutions: readonly string[];
  readonly integrations: readonly string[];
}

/** systemejer */
export interface SystemOwnerSection {
  readonly person: Person | null;
}

export interface ScheduleSection {
  readonly plannedStart: IsoDate | null;
  readonly plannedEnd: IsoDate | null;
}

export interface LegalRequirementSection {
  readonly required: boolean;
  /** The statute or rule the requirement rests on. */
  readonly legalBasis: string | null;
}

export interface CrossDepartmentalSection {
  /** Stated by the area itself. */
  readonly declared: boolean;
  /** Other departments involved (department ids). */
  readonly departmentIds: readonly string[];
}

export interface ComplexitySection {
  readonly process: boolean;
  readonly organisation: boolean;
  readonly systems: boolean;
}

export interface ProposalForm {
  readonly title: string;
  readonly summary: string | null;
  /** The proposing department (forvaltning, fagområde). */
  readonly departmentId: string;
  readonly need: NeedSection;
  readonly investment: InvestmentSection;
  /** Who the users are. */
  readonly users: string | null;
  readonly businessValue: BusinessValueSection;
  readonly ownResources: OwnResourcesSection;
  readonly crossCutting: CrossCuttingSection;
  readonly systemOwner: SystemOwnerSection;
  readonly projectLeadership: readonly ProjectLeader[];
  readonly schedule: ScheduleSection;
  readonly estimatedHours: number | null;
  readonly legalRequirement: LegalRequirementSection;
  readonly crossDepartmental: CrossDepartmentalSection;
  readonly complexity: ComplexitySection;
  readonly investmentArea: InvestmentArea | null;
}

/**
 * Sections group related answers; amendments merge them field by field (see proposal-form-merge.ts).
 * Every other top-level field is a single answer, replaced as a whole.
 */
export const SECTION_KEYS = [
  'need',
  'investment',
  'businessValue',
  'ownResources',
  'crossCutting',
  'systemOwner',
  'schedule',
  'legalRequirement',
  'crossDepartmental',
  'complexity',
] as const satisfies readonly (keyof ProposalForm)[];
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A form with only the two answers a draft needs; everything else not stated. */
export function emptyProposalForm(title: string, departmentId: string): ProposalForm {
  return {
    title,
    summary: null,
    departmentId,
    need: { oneYear: null, multiYear: null },
    investment: { developmentCost: null, yearlyOperationsCost: null, softwareAndHardware: null },
    users: null,
    businessValue: { expected: null, businessGoals: [] },
    ownResources: { description: null, hours: null },
    crossCutting: { solutions: [], integrations: [] },
    systemOwner: { person: null },
    projectLeadership: [],
    schedule: { plannedStart: null, plannedEnd: null },
    estimatedHours: null,
    legalRequirement: { required: false, legalBasis: null },
    crossDepartmental: { declared: false, departmentIds: [] },
    complexity: { process: false, organisation: false, systems: false },
    investmentArea: null,
  };
}

export const PROPOSAL_FORM_KEYS = Object.keys(emptyProposalForm('', '')) as readonly (keyof ProposalForm)[];

export function isSectionKey(key: keyof ProposalForm): key is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(key);
}
