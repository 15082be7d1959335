/**
 * 4K (seed 001 pp. 25-29): Gentofte, Gladsaxe, Lyngby-Taarbæk and Rudersdal, an oral agreement since 2009 under a
 * steering group of the four municipal CEOs meeting quarterly; a welfare-technology pool of DKK 2-4m a year from
 * each (here DKK 3m each); every member in every project unless it opts out; the secretariat's cost in four equal
 * parts and only the net difference settled, on one invoice a year. The invoices, hours and the hourly rate of the
 * 2025 settlement are illustrative; the seed gives none.
 */
import type { DemoActor } from '../demo-client.js';
import { dkk } from '../herning/herning-data.js';

export const SECRETARIAT_ORGANISATION = { id: 'fire-k', name: '4K-samarbejdet', kind: 'collaboration' } as const;
export const SECRETARIAT: DemoActor = { subject: 'sekretariat@4k-samarbejdet.dk', organisation: SECRETARIAT_ORGANISATION.id, roles: ['programme_office'] };

export const MEMBERS = [
  { id: 'gentofte', name: 'Gentofte Kommune' },
  { id: 'gladsaxe', name: 'Gladsaxe Kommune' },
  { id: 'lyngby-taarbaek', name: 'Lyngby-Taarbæk Kommune' },
  { id: 'rudersdal', name: 'Rudersdal Kommune' },
] as const;
export type MemberId = (typeof MEMBERS)[number]['id'];

/** Each member's programme office: registers its municipality, opts out, reports its staff's hours. */
export const memberOffice = (member: MemberId): DemoActor => ({ subject: `digitalisering@${member}.dk`, organisation: member, roles: ['programme_office'] });

export const COLLABORATION = { name: '4K – Gentofte, Gladsaxe, Lyngby-Taarbæk og Rudersdal', legalForm: 'agreement' };
/** Formalised in 2009 with quarterly meetings and an oral declaration of intent. */
export const JOINED_ON = '2009-01-01';

export const STEERING_GROUP = {
  name: '4K-styregruppen (de fire kommunaldirektører)',
  kind: 'steering_group',
  mandate: { decisionKinds: ['approve', 'reject', 'defer'], investmentAreas: [], departmentIds: [], maximumAmount: dkk(12_000_000) },
  decisionRule: { kind: 'unanimity', quorum: { kind: 'fraction', numerator: 1, denominator: 1 } },
};

/** The four CEOs, by office: the seed names none of them. */
export const CEOS = MEMBERS.map((m, i) => ({
  memberId: `kommunaldirektoer-${m.id}`,
  person: { name: `Kommunaldirektør, ${m.name}`, email: `kommunaldirektoer@${m.id}.dk` },
  role: i === 0 ? 'chair' : 'member',
}));

export const QUARTERLY = {
  frequency: 'quarterly',
  dayRule: { kind: 'nth_weekday', n: 2, weekday: 4 },
  time: '09:00',
  timeZone: 'Europe/Copenhagen',
  durationMinutes: 180,
  quarterMonths: [2, 5, 8, 11],
  startDate: '2025-01-01',
};

export const WELFARE_TECHNOLOGY_POOL = { year: 2026, name: 'Velfærdsteknologipuljen 2026 (4 × 3 mio. kr.)', amount: dkk(12_000_000) };

export const SETTLEMENT_YEAR = 2025;
/** The secretariat's cost, half of one employee's salary, in four equal parts: DKK 50,000 a half-year each. */
export const FEE_SCHEME = { kind: 'fixed_per_half_year', amount: dkk(50_000), effectiveFromYear: SETTLEMENT_YEAR };
export const HOURLY_RATE = { rate: dkk(575), effectiveFrom: `${SETTLEMENT_YEAR}-01-01` };

export const PROJECTS = [
  { projectId: 'byggesag', name: 'Byggesagsbehandlingscenter uden vægge', kind: 'joint', minimumParticipants: 3, startedOn: `${SETTLEMENT_YEAR}-02-01` },
  { projectId: 'laererarbejdsplads', name: 'Digital lærerarbejdsplads', kind: 'joint', minimumParticipants: 3, startedOn: `${SETTLEMENT_YEAR}-03-01` },
] as const;

/** 4K p. 27: one municipality may sit out a project when its own circumstances warrant it. */
export const OPT_OUT = { projectId: 'byggesag', member: 'rudersdal' as MemberId, reason: 'Rudersdal driver allerede sit eget byggesagscenter' };

export const COSTS = [
  { projectId: 'byggesag', costId: 'byggesag-2025-procesanalyse', description: 'Procesanalyse og fælles arbejdsgange (konsulentfaktura)', amount: dkk(480_000), incurredOn: '2025-04-30', paidBy: 'gentofte' },
  { projectId: 'byggesag', costId: 'byggesag-2025-licens', description: 'Licens til fælles sagsbehandlingssystem, 2025', amount: dkk(120_000), incurredOn: '2025-09-15', paidBy: 'gladsaxe' },
  { projectId: 'laererarbejdsplads', costId: 'laerer-2025-platform', description: 'Platform til den digitale lærerarbejdsplads', amount: dkk(200_000), incurredOn: '2025-06-10', paidBy: 'lyngby-taarbaek' },
] as const;

export const HOURS = [
  { projectId: 'byggesag', entryId: 'byggesag-2025-gentofte', organisationId: 'gentofte', workedOn: '2025-05-20', hours: 160, description: 'Projektleder (vicedirektørniveau) og byggesagsbehandlere' },
  { projectId: 'byggesag', entryId: 'byggesag-2025-gladsaxe', organisationId: 'gladsaxe', workedOn: '2025-06-12', hours: 120, description: 'Workshops med byggesagsbehandlere' },
  { projectId: 'byggesag', entryId: 'byggesag-2025-lyngby', organisationId: 'lyngby-taarbaek', workedOn: '2025-08-28', hours: 90, description: 'Test af fælles arbejdsgange' },
  { projectId: 'laererarbejdsplads', entryId: 'laerer-2025-rudersdal', organisationId: 'rudersdal', workedOn: '2025-09-03', hours: 60, description: 'Pilotskole og undervisningskonsulent' },
  { projectId: 'laererarbejdsplads', entryId: 'laerer-2025-gentofte', organisationId: 'gentofte', workedOn: '2025-10-07', hours: 40, description: 'It-pædagogisk konsulent' },
] as const;
