/**
 * IT-Forsyningen I/S (seed 001 pp. 30-31), the joint IT operations company of Ballerup, Egedal and Furesø: a business
 * case of just over DKK 12m invested (2012-2013) for just under DKK 6m a year at full phase-in, about 5 FTE of it;
 * establishing it cost about DKK 9m, and the 5 FTE reduction was in place after one year of joint operations. The
 * phase-in per year is illustrative; the seed gives only the totals. The economic savings were never measured in the
 * seed, so the demo measures none: they show up as overdue follow-ups, the seeds' most repeated failure.
 */
import type { DemoActor } from '../demo-client.js';
import { dkk } from '../herning/herning-data.js';

export const ORGANISATION = {
  id: 'it-forsyningen',
  name: 'IT-Forsyningen I/S',
  kind: 'collaboration',
  departments: [{ id: 'drift-og-support', name: 'Drift og support' }],
} as const;
export const PROGRAMME_OFFICE: DemoActor = { subject: 'pmo@it-forsyningen.dk', organisation: ORGANISATION.id, roles: ['programme_office'] };

/** The board: one member from each partner's directorate, an administrative board (p. 32). */
export const BOARD = {
  name: 'Bestyrelsen for IT-Forsyningen',
  kind: 'board',
  mandate: { decisionKinds: ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'], investmentAreas: [], departmentIds: [], maximumAmount: null },
  decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 2, denominator: 3 } },
};

const owner = { person: { name: 'Peter Olrik', email: 'peter.olrik@egedal.dk' } };

export const PROPOSAL = {
  key: 'joint-it-operations',
  form: {
    title: 'Fælles it-drift for Ballerup, Egedal og Furesø',
    departmentId: 'drift-og-support',
    summary: 'Tre kommuners it-drift samles i et fælles selskab (60-selskab) med fælles center, hardware og servicekatalog.',
    need: { oneYear: 'Fælles driftscenter og it-transition', multiYear: 'Fuld indfasning af fælles drift og support' },
    investment: { developmentCost: dkk(12_000_000), yearlyOperationsCost: null, softwareAndHardware: 'Hardware, fælles center og projektomkostninger' },
    users: 'Medarbejdere i de tre kommuner',
    businessValue: { expected: 'Knap 6 mio. kr. om året ved fuld indfasning, heraf ca. 5 årsværk gennem stordriftsfordele', businessGoals: ['Stordriftsfordele', 'Mindre sårbarhed'] },
    systemOwner: owner,
    schedule: { plannedStart: '2013-07-01', plannedEnd: '2015-12-31' },
    investmentArea: 'modernisation_of_systems_and_architecture',
  },
} as const;

export const BUSINESS_CASE = {
  investment: dkk(12_000_000),
  expectedYearlyGain: dkk(5_900_000),
  expectedFteReductionHundredths: 500,
  qualitativeBenefits: [
    'Bedre udnyttelse af kompetenceniveauet',
    'Mindre sårbarhed over for stigende kompetencekrav',
    'Mindre sårbarhed ved tekniske hændelser og nedbrud',
    'Bedre kompetencer til stigende kompleksitet',
    'Bedre muligheder for rekruttering',
  ],
};

export const BENEFITS = [
  {
    benefitId: 'lower-operating-costs',
    name: 'Lavere udgifter til it-drift',
    kind: 'economic',
    owner,
    baseline: { value: 0, on: '2012-12-31', description: 'Tre kommuners separate it-drift' },
    periodicity: 'year',
    plan: [
      { period: '2014', value: dkk(2_950_000).amountMinor },
      { period: '2015', value: dkk(5_900_000).amountMinor },
      { period: '2016', value: dkk(5_900_000).amountMinor },
    ],
    dueAfterDays: 90,
  },
  {
    benefitId: 'fewer-fte',
    name: 'Færre årsværk gennem stordriftsfordele',
    kind: 'fte',
    owner,
    baseline: { value: 0, on: '2012-12-31' },
    periodicity: 'year',
    plan: [
      { period: '2014', value: 250 },
      { period: '2015', value: 500 },
    ],
    dueAfterDays: 90,
  },
];

/** What establishing it actually cost (about DKK 9m), recorded when the establishment was done. */
export const INVESTMENT_ACTUAL = { amount: dkk(9_000_000), recordedOn: '2014-06-30', note: 'Etableringen kostede ca. 9 mio. kr.' };

/** The FTE reduction was in place after one year: 5 FTE measured for 2014. */
export const MEASUREMENTS = [
  { benefitId: 'fewer-fte', measurementId: 'fewer-fte-2014', period: '2014', value: 500, measuredOn: '2015-01-31', note: 'Reduktion på fem årsværk efter et års fælles drift' },
];
