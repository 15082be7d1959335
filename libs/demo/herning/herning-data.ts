/**
 * Herning Kommune's budget year 2026 (seed 002): five departments, the steering group for digital administration
 * (Styregruppen for Digital Forvaltning, set up by the directorate, monthly except July), its development pool, the
 * year's proposals scored on the four criteria, and the decisions of four meetings. The two worked examples of the
 * seed are here to the krone: the DKK 600,000 ESDH integration under the efficiency principle and the DKK 500,000
 * Citizen Service module under the development principle. Department names, people and the other proposals are
 * illustrative; the seed names neither.
 */
import type { DemoActor } from '../demo-client.js';

export const HERNING = 'herning';
export const YEAR = 2026;

export const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' as const });

export const DEPARTMENTS = [
  { id: 'borgerservice', name: 'Borgerservice' },
  { id: 'social-sundhed-aeldre', name: 'Social, Sundhed og Ældre' },
  { id: 'boern-og-laering', name: 'Børn og Læring' },
  { id: 'teknik-og-miljoe', name: 'Teknik og Miljø' },
  { id: 'kultur-og-fritid', name: 'Kultur og Fritid' },
] as const;
export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

/** The programme office (programledelsen) prepares agendas, keeps the pool and records the forum's decisions. */
export const PROGRAMME_OFFICE: DemoActor = { subject: 'anne.kjaer@herning.dk', organisation: HERNING, roles: ['programme_office'] };
export const DIRECTOR: DemoActor = { subject: 'direktoer@herning.dk', organisation: HERNING, roles: ['director'] };
export const AUDITOR: DemoActor = { subject: 'revisor@herning.dk', organisation: HERNING, roles: ['auditor'] };

/** Each department's digitalisation consultant drafts, submits and scores the department's own proposals. */
export const departmentActor = (department: DepartmentId): DemoActor => ({
  subject: `digitalisering.${department}@herning.dk`,
  organisation: HERNING,
  roles: ['department_member'],
  department,
});

const ALL_DECISION_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };

export const DIRECTORATE = {
  name: 'Direktionen',
  kind: 'directorate',
  mandate: { decisionKinds: ALL_DECISION_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null },
  decisionRule: SIMPLE_MAJORITY,
};

/** Set up by the directorate under a mandate (kommissorium) of up to DKK 2m per decision. */
export const STEERING_GROUP = {
  name: 'Styregruppen for Digital Forvaltning',
  kind: 'steering_group',
  mandate: { decisionKinds: ALL_DECISION_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: dkk(2_000_000) },
  decisionRule: SIMPLE_MAJORITY,
};

/** One member from each of the five departments (seed 002 p. 6); the member id is stable, the person is personal data. */
export const STEERING_GROUP_MEMBERS = [
  { memberId: 'karen-moeller', person: { name: 'Karen Møller', email: 'karen.moeller@herning.dk' }, role: 'chair', department: 'borgerservice' },
  { memberId: 'ole-bach', person: { name: 'Ole Bach', email: 'ole.bach@herning.dk' }, role: 'member', department: 'social-sundhed-aeldre' },
  { memberId: 'mette-lund', person: { name: 'Mette Lund', email: 'mette.lund@herning.dk' }, role: 'member', department: 'boern-og-laering' },
  { memberId: 'jens-holm', person: { name: 'Jens Holm', email: 'jens.holm@herning.dk' }, role: 'member', department: 'teknik-og-miljoe' },
  { memberId: 'lise-dahl', person: { name: 'Lise Dahl', email: 'lise.dahl@herning.dk' }, role: 'member', department: 'kultur-og-fritid' },
] as const;
export const MEMBERS_FROM = `${YEAR}-01-01`;

/** Monthly, first Tuesday at 14:00 Copenhagen time, never in July (seed 002 p. 19). */
export const MEETING_RULE = {
  frequency: 'monthly',
  dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 },
  time: '14:00',
  timeZone: 'Europe/Copenhagen',
  durationMinutes: 120,
  exceptMonths: [7],
  startDate: `${YEAR}-01-01`,
};

export const POOL = { year: YEAR, name: `Udviklingspuljen ${YEAR}`, amount: dkk(4_000_000) };

/** Scores on Herning's four criteria, 1 to 5 (5 best), as the department gives them (seed 002 p. 8). */
export interface Scores {
  readonly legal_requirement: number;
  readonly faces_citizens_or_businesses: number;
  readonly gain_for_the_business: number;
  readonly expected_economic_gain: number;
}

export interface DemoProposal {
  /** The demo's own name for it (English, stable): idempotency keys and the summary use it. */
  readonly key: string;
  readonly department: DepartmentId;
  readonly form: Record<string, unknown> & { readonly title: string; readonly departmentId: string };
  readonly scores: Scores;
  readonly scoreRationale: string;
}

const person = (name: string, email: string) => ({ person: { name, email } });

function proposal(
  key: string,
  department: DepartmentId,
  title: string,
  details: { summary: string; oneYear: string; multiYear: string; development: number; operations: number; value: string; goals: string[]; owner: [string, string]; leader: [string, string]; area: string; hours: number; legalBasis?: string; integrations?: string[] },
  scores: Scores,
  scoreRationale: string,
): DemoProposal {
  return {
    key,
    department,
    scores,
    scoreRationale,
    form: {
      title,
      departmentId: department,
      summary: details.summary,
      need: { oneYear: details.oneYear, multiYear: details.multiYear },
      investment: { developmentCost: dkk(details.development), yearlyOperationsCost: dkk(details.operations) },
      users: 'Sagsbehandlere i forvaltningen og borgere',
      businessValue: { expected: details.value, businessGoals: details.goals },
      ownResources: { description: 'Superbrugere og en fagkoordinator fra forvaltningen', hours: Math.round(details.hours / 3) },
      crossCutting: { solutions: [], integrations: details.integrations ?? [] },
      systemOwner: person(...details.owner),
      projectLeadership: [{ ...person(...details.leader), role: 'projektleder' }],
      schedule: { plannedStart: `${YEAR}-05-01`, plannedEnd: `${YEAR + 1}-04-30` },
      estimatedHours: details.hours,
      legalRequirement: { required: details.legalBasis !== undefined, legalBasis: details.legalBasis ?? null },
      complexity: { process: true, organisation: false, systems: true },
      investmentArea: details.area,
    },
  };
}

export const PROPOSALS: readonly DemoProposal[] = [
  proposal(
    'esdh-integration',
    'teknik-og-miljoe',
    'Integration af nyt sagssystem med ESDH',
    {
      summary: 'Forvaltningen køber selv et nyt administrativt system (1 mio. kr.); puljen betaler integrationen til ESDH, som hele organisationen har gavn af.',
      oneYear: 'Sagsoplysninger ét sted i stedet for i to systemer',
      multiYear: 'Kortere sagsbehandlingstid i alle forvaltninger',
      development: 600_000,
      operations: 40_000,
      value: 'Besparelser på 200.000 kr. om året i forvaltningen og 200.000 kr. i de øvrige forvaltninger tilsammen',
      goals: ['Effektiv sagsbehandling', 'Bedre information på tværs'],
      owner: ['Jens Holm', 'jens.holm@herning.dk'],
      leader: ['Sofie Krogh', 'sofie.krogh@herning.dk'],
      area: 'modernisation_of_systems_and_architecture',
      hours: 450,
      integrations: ['ESDH'],
    },
    { legal_requirement: 2, faces_citizens_or_businesses: 3, gain_for_the_business: 5, expected_economic_gain: 5 },
    'Klar effektiviseringsgevinst i egen og andre forvaltninger',
  ),
  proposal(
    'citizen-service-module',
    'borgerservice',
    'Modul til overblik over borgerens formueforhold',
    {
      summary: 'Borgerservice får et modul, der giver overblik over borgerens formueforhold i pensionssager, så borgeren ikke skal hente en erklæring i banken.',
      oneYear: 'Mere præcis service på pensionsområdet',
      multiYear: 'Færre henvendelser for borgeren i pensionssager',
      development: 500_000,
      operations: 50_000,
      value: 'En lettelse for borgeren; ingen besparelse i sagsbehandlingen. Driften betaler Borgerservice selv.',
      goals: ['Bedre service for borgerne'],
      owner: ['Karen Møller', 'karen.moeller@herning.dk'],
      leader: ['Rasmus Vinther', 'rasmus.vinther@herning.dk'],
      area: 'service_to_citizens_and_businesses',
      hours: 320,
    },
    { legal_requirement: 3, faces_citizens_or_businesses: 5, gain_for_the_business: 3, expected_economic_gain: 1 },
    'Stor gevinst for borgeren, ingen økonomisk gevinst (udviklingsprincippet)',
  ),
  proposal(
    'video-visits',
    'social-sundhed-aeldre',
    'Skærmbesøg i hjemmeplejen',
    {
      summary: 'Udvalgte besøg i hjemmeplejen gennemføres som skærmbesøg, hvor borgeren ønsker det.',
      oneYear: 'Skærmbesøg hos 150 borgere',
      multiYear: 'Skærmbesøg som fast tilbud i hele hjemmeplejen',
      development: 900_000,
      operations: 120_000,
      value: 'Mindre kørsel og flere besøg pr. medarbejder; borgeren får mere fleksible besøg',
      goals: ['Velfærdsteknologi', 'Effektiv hjemmepleje'],
      owner: ['Ole Bach', 'ole.bach@herning.dk'],
      leader: ['Hanne Friis', 'hanne.friis@herning.dk'],
      area: 'service_to_citizens_and_businesses',
      hours: 600,
    },
    { legal_requirement: 1, faces_citizens_or_businesses: 5, gain_for_the_business: 4, expected_economic_gain: 4 },
    'Borgerrettet med forventet effektivisering i hjemmeplejen',
  ),
  proposal(
    'daycare-self-service',
    'boern-og-laering',
    'Selvbetjening til pladsanvisning i dagtilbud',
    {
      summary: 'Forældre søger, ændrer og opsiger pladser i dagtilbud digitalt.',
      oneYear: 'Digital ansøgning om plads',
      multiYear: 'Hele pladsanvisningen som selvbetjening',
      development: 750_000,
      operations: 60_000,
      value: 'Færre telefonopkald og hurtigere svar til forældrene',
      goals: ['Digital selvbetjening'],
      owner: ['Mette Lund', 'mette.lund@herning.dk'],
      leader: ['Peter Skov', 'peter.skov@herning.dk'],
      area: 'service_to_citizens_and_businesses',
      hours: 500,
      legalBasis: 'Dagtilbudsloven',
    },
    { legal_requirement: 4, faces_citizens_or_businesses: 5, gain_for_the_business: 4, expected_economic_gain: 3 },
    'Lovkrav om pladsanvisning, borgerrettet og med gevinst for forvaltningen',
  ),
  proposal(
    'hall-booking',
    'kultur-og-fritid',
    'Online booking af haller og mødelokaler',
    {
      summary: 'Foreninger booker kommunens haller og mødelokaler online.',
      oneYear: 'Online booking for foreningerne',
      multiYear: 'Samme bookingløsning for alle kommunale lokaler',
      development: 250_000,
      operations: 30_000,
      value: 'Mindre administration af lokalebookinger',
      goals: ['Service for foreningslivet'],
      owner: ['Lise Dahl', 'lise.dahl@herning.dk'],
      leader: ['Morten Juhl', 'morten.juhl@herning.dk'],
      area: 'digital_workplace',
      hours: 120,
    },
    { legal_requirement: 1, faces_citizens_or_businesses: 4, gain_for_the_business: 2, expected_economic_gain: 2 },
    'Borgerrettet, men lille gevinst',
  ),
  proposal(
    'payroll-robot',
    'social-sundhed-aeldre',
    'Softwarerobot til lønbilag',
    {
      summary: 'En softwarerobot behandler lønbilag fra vikarbureauer.',
      oneYear: 'Robot på vikarbilag',
      multiYear: 'Robotter på flere administrative arbejdsgange',
      development: 400_000,
      operations: 45_000,
      value: 'Frigør tid i lønadministrationen',
      goals: ['Effektiv administration'],
      owner: ['Ole Bach', 'ole.bach@herning.dk'],
      leader: ['Camilla Brandt', 'camilla.brandt@herning.dk'],
      area: 'digital_workplace',
      hours: 200,
    },
    { legal_requirement: 1, faces_citizens_or_businesses: 1, gain_for_the_business: 4, expected_economic_gain: 5 },
    'Ren effektivisering af administrationen',
  ),
  proposal(
    'building-sensors',
    'teknik-og-miljoe',
    'Sensorer til indeklima i kommunale bygninger',
    {
      summary: 'Sensorer måler indeklima og belægning i skoler og administrationsbygninger.',
      oneYear: 'Sensorer i ti bygninger',
      multiYear: 'Data om indeklima og belægning i alle kommunale bygninger',
      development: 1_200_000,
      operations: 150_000,
      value: 'Bedre indeklima og bedre udnyttelse af bygningerne',
      goals: ['Bæredygtig drift af bygninger'],
      owner: ['Jens Holm', 'jens.holm@herning.dk'],
      leader: ['Niels Vestergaard', 'niels.vestergaard@herning.dk'],
      area: 'modernisation_of_systems_and_architecture',
      hours: 700,
    },
    { legal_requirement: 1, faces_citizens_or_businesses: 2, gain_for_the_business: 3, expected_economic_gain: 3 },
    'Gevinsten er usikker',
  ),
  proposal(
    'school-parent-portal',
    'boern-og-laering',
    'Ny forældreportal til skolerne',
    {
      summary: 'En samlet forældreportal for kommunens skoler med beskeder, fravær og skole-hjem-samtaler.',
      oneYear: 'Forældreportal på fem pilotskoler',
      multiYear: 'Forældreportal på alle skoler',
      development: 2_500_000,
      operations: 300_000,
      value: 'Bedre kommunikation mellem skole og hjem og mindre administration på skolerne',
      goals: ['Sammenhængende skoledag', 'Digital kommunikation'],
      owner: ['Mette Lund', 'mette.lund@herning.dk'],
      leader: ['Anders Mørk', 'anders.moerk@herning.dk'],
      area: 'service_to_citizens_and_businesses',
      hours: 1_400,
    },
    { legal_requirement: 2, faces_citizens_or_businesses: 5, gain_for_the_business: 4, expected_economic_gain: 3 },
    'Borgerrettet og med gevinst for skolerne',
  ),
];

export type ProposalKey = (typeof PROPOSALS)[number]['key'];

/** A decision the steering group takes at one of the year's meetings; `month` picks the meeting (first Tuesday). */
export interface DemoDecision {
  readonly proposal: string;
  readonly kind: 'approve' | 'reject' | 'defer' | 'escalate';
  readonly rationale: string;
  /** A funding approval commits this from the pool. */
  readonly amount?: number;
  /** A defer names the meeting it is deferred to, by month. */
  readonly deferredToMonth?: number;
  /** Members voting against or abstaining; everyone else votes for. */
  readonly against?: readonly string[];
  readonly abstaining?: readonly string[];
}

export interface DemoMeeting {
  readonly month: number;
  readonly decisions: readonly DemoDecision[];
}

/** The year's decisions: the call's proposals in February, funding in April, June and September. */
export const MEETINGS: readonly DemoMeeting[] = [
  {
    month: 2,
    decisions: [
      { proposal: 'esdh-integration', kind: 'approve', rationale: 'Tværgående gevinst; business case og tilbagebetaling udarbejdes i analysefasen' },
      { proposal: 'citizen-service-module', kind: 'approve', rationale: 'Serviceforbedring for borgerne; analyseres efter udviklingsprincippet' },
      { proposal: 'video-visits', kind: 'approve', rationale: 'Velfærdsteknologi med forventet gevinst; analyseres' },
      { proposal: 'daycare-self-service', kind: 'approve', rationale: 'Lovkrav og borgerrettet; analyseres' },
      { proposal: 'school-parent-portal', kind: 'approve', rationale: 'Borgerrettet; analyseres med henblik på finansiering' },
      { proposal: 'hall-booking', kind: 'reject', rationale: 'Under 500.000 kr. og uden tværgående karakter: almindelig drift, som forvaltningen selv løfter' },
      { proposal: 'payroll-robot', kind: 'defer', rationale: 'Afventer svar fra lønsystemets leverandør', deferredToMonth: 4 },
      {
        proposal: 'building-sensors',
        kind: 'approve',
        rationale: 'Foreslået af Teknik og Miljø',
        against: ['ole-bach', 'mette-lund'],
        abstaining: ['lise-dahl'],
      },
    ],
  },
  {
    month: 4,
    decisions: [
      { proposal: 'esdh-integration', kind: 'approve', amount: 600_000, rationale: 'Effektiviseringsprincippet: puljen betaler integrationen; gevinsten betales tilbage over tre år' },
      { proposal: 'citizen-service-module', kind: 'approve', amount: 500_000, rationale: 'Udviklingsprincippet: serviceforbedring uden besparelse; Borgerservice betaler driften' },
      { proposal: 'payroll-robot', kind: 'approve', rationale: 'Leverandøren har svaret; analyseres' },
      { proposal: 'school-parent-portal', kind: 'escalate', rationale: '2,5 mio. kr. er over styregruppens mandat på 2 mio. kr.; sendes til Direktionen' },
    ],
  },
  { month: 6, decisions: [{ proposal: 'daycare-self-service', kind: 'approve', amount: 750_000, rationale: 'Business casen holder; lovkravet skal opfyldes inden årets udgang' }] },
  { month: 9, decisions: [{ proposal: 'video-visits', kind: 'approve', amount: 900_000, rationale: 'Pilotforløbet viser færre kørte kilometer; finansieres af puljen' }] },
];

/**
 * The efficiency principle's worked example (seed 002 p. 17): savings of DKK 200,000 a year in the department and
 * 200,000 in the others together; each side pays back half, DKK 100,000 a year, from year 1 for 3 years.
 */
export const PAYBACK = {
  proposal: 'esdh-integration',
  beneficiaries: [
    { partyId: 'teknik-og-miljoe', yearlySavings: dkk(200_000) },
    { partyId: 'oevrige-forvaltninger', yearlySavings: dkk(200_000) },
  ],
  shareBasisPoints: 5_000,
  years: 3,
} as const;
