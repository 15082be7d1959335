/** Builders for the collaborations domain's specs. Test-only (excluded from the build). */
import type { Money } from '../../shared-kernel/money.js';
import type { CostKey, FeeSchemeKind, ProjectKind } from './collaboration.js';
import { CollaborationCommandType as C, type CollaborationCommand } from './commands.js';
import { CollaborationEventType as E, type CollaborationEvent } from './events.js';

export const COLLABORATION_ID = '4k';
export const dkk = (amountMinor: number): Money => ({ amountMinor, currency: 'DKK' });
export const FOUR_K = ['gentofte', 'gladsaxe', 'lyngby-taarbaek', 'rudersdal'] as const;

type Data<T extends { data: unknown }> = Omit<T['data'], 'collaborationId'>;
const command = <T extends CollaborationCommand['type']>(type: T, data: object) => ({ type, data: { collaborationId: COLLABORATION_ID, ...data } }) as Extract<CollaborationCommand, { type: T }>;
const event = <T extends CollaborationEvent['type']>(type: T, data: object) => ({ type, data: { collaborationId: COLLABORATION_ID, ...data } }) as Extract<CollaborationEvent, { type: T }>;

export const establish = (overrides: Partial<Data<Extract<CollaborationCommand, { type: typeof C.Establish }>>> = {}) =>
  command(C.Establish, { organisationId: 'fire-k', name: '4K', legalForm: 'agreement', currency: 'DKK', ...overrides });
export const established = () => event(E.Established, { organisationId: 'fire-k', name: '4K', legalForm: 'agreement', currency: 'DKK' });

export const join = (organisationId: string, joinedOn = '2020-01-01') => command(C.Join, { organisationId, joinedOn });
export const joined = (organisationId: string, joinedOn = '2020-01-01') => event(E.MemberJoined, { organisationId, joinedOn });
export const leave = (organisationId: string, leftOn: string, reason?: string) => command(C.Leave, { organisationId, leftOn, reason });
export const left = (organisationId: string, leftOn: string, reason: string | null = null) => event(E.MemberLeft, { organisationId, leftOn, reason });

export const setFeeScheme = (kind: FeeSchemeKind, amount: Money, effectiveFromYear = 2027) => command(C.SetFeeScheme, { kind, amount, effectiveFromYear });
export const feeSchemeSet = (kind: FeeSchemeKind, amount: Money, effectiveFromYear = 2027) => event(E.FeeSchemeSet, { kind, amount, effectiveFromYear });
export const recordFigure = (organisationId: string, value: number, effectiveFrom = '2027-01-01', kind: 'inhabitants' | 'usage_units' = 'inhabitants') =>
  command(C.RecordFigure, { organisationId, kind, value, effectiveFrom });
export const figureRecorded = (organisationId: string, value: number, effectiveFrom = '2027-01-01', kind: 'inhabitants' | 'usage_units' = 'inhabitants') =>
  event(E.FigureRecorded, { organisationId, kind, value, effectiveFrom });
export const setRate = (rateMinor: number, effectiveFrom = '2027-01-01') => command(C.SetHourlyRate, { rate: dkk(rateMinor), effectiveFrom });
export const rateSet = (rateMinor: number, effectiveFrom = '2027-01-01') => event(E.HourlyRateSet, { rate: dkk(rateMinor), effectiveFrom });

interface ProjectOptions {
  readonly kind?: ProjectKind;
  readonly costKey?: CostKey;
  readonly minimumParticipants?: number;
  readonly name?: string;
}
export const registerProject = (projectId: string, o: ProjectOptions = {}) =>
  command(C.RegisterProject, { projectId, name: o.name ?? `Project ${projectId}`, kind: o.kind ?? 'joint', costKey: o.costKey ?? 'equal', minimumParticipants: o.minimumParticipants ?? 1 });
export const projectRegistered = (projectId: string, o: ProjectOptions = {}) =>
  event(E.ProjectRegistered, {
    projectId,
    name: o.name ?? `Project ${projectId}`,
    kind: o.kind ?? 'joint',
    costKey: o.costKey ?? 'equal',
    minimumParticipants: o.minimumParticipants ?? 1,
    proposalId: null,
  });
export const optOut = (projectId: string, organisationId: string, reason?: string) => command(C.OptOut, { projectId, organisationId, reason });
export const optedOut = (projectId: string, organisationId: string, reason: string | null = null) => event(E.OptedOut, { projectId, organisationId, reason });
export const optIn = (projectId: string, organisationId: string) => command(C.OptIn, { projectId, organisationId });
export const optedIn = (projectId: string, organisationId: string) => event(E.OptedIn, { projectId, organisationId });
export const start = (projectId: string, startedOn = '2027-01-01') => command(C.StartProject, { projectId, startedOn });
export const started = (projectId: string, participants: readonly string[], startedOn = '2027-01-01') => event(E.ProjectStarted, { projectId, startedOn, participants });
export const recordCost = (projectId: string, costId: string, amountMinor: number, paidBy: string, incurredOn = '2027-03-01') =>
  command(C.RecordCost, { projectId, costId, description: `Invoice ${costId}`, amount: dkk(amountMinor), incurredOn, paidBy });
export const costRecorded = (projectId: string, costId: string, amountMinor: number, paidBy: string, incurredOn = '2027-03-01') =>
  event(E.CostRecorded, { projectId, costId, description: `Invoice ${costId}`, amount: dkk(amountMinor), incurredOn, paidBy });
export const recordHours = (projectId: string, entryId: string, organisationId: string, hours: number, workedOn = '2027-03-01') =>
  command(C.RecordHours, { projectId, entryId, organisationId, workedOn, hours });
export const hoursRecorded = (projectId: string, entryId: string, organisationId: string, hundredths: number, workedOn = '2027-03-01') =>
  event(E.HoursRecorded, { projectId, entryId, organisationId, workedOn, hundredths, description: null });
export const issue = (year = 2027) => command(C.IssueSettlement, { year });

/** 4K: the four municipalities, members since 2020. */
export const fourK = (): CollaborationEvent[] => [established(), ...FOUR_K.map((m) => joined(m))];
