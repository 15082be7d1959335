import type { NewEvent } from '../../event-store/port/index.js';
import type { Money } from '../../shared-kernel/money.js';
import type { CostKey, FeeSchemeKind, FigureKind, LegalForm, ProjectKind } from './collaboration.js';
import type { SettlementStatement } from './settlement.js';

/** Facts about a collaboration, all on its one stream. Who and why are in the metadata; when in `recordedAt`. */
export const CollaborationEventType = {
  Established: 'CollaborationEstablished',
  MemberJoined: 'CollaborationMemberJoined',
  MemberLeft: 'CollaborationMemberLeft',
  ForumReferenced: 'CollaborationForumReferenced',
  FeeSchemeSet: 'CollaborationFeeSchemeSet',
  FigureRecorded: 'CollaborationMemberFigureRecorded',
  HourlyRateSet: 'CollaborationHourlyRateSet',
  ProjectRegistered: 'CollaborationProjectRegistered',
  OptedOut: 'CollaborationProjectOptedOut',
  OptedIn: 'CollaborationProjectOptedIn',
  ProjectStarted: 'CollaborationProjectStarted',
  CostRecorded: 'CollaborationProjectCostRecorded',
  HoursRecorded: 'CollaborationHoursRecorded',
  SettlementIssued: 'CollaborationSettlementIssued',
} as const;

type Ev<TType extends string, TData> = Pick<NewEvent<TType, { readonly collaborationId: string } & TData>, 'type' | 'data'>;

export type CollaborationEstablished = Ev<
  typeof CollaborationEventType.Established,
  { readonly organisationId: string; readonly name: string; readonly legalForm: LegalForm; readonly currency: Money['currency'] }
>;
export type MemberJoined = Ev<typeof CollaborationEventType.MemberJoined, { readonly organisationId: string; readonly joinedOn: string }>;
export type MemberLeft = Ev<typeof CollaborationEventType.MemberLeft, { readonly organisationId: string; readonly leftOn: string; readonly reason: string | null }>;
export type ForumReferenced = Ev<typeof CollaborationEventType.ForumReferenced, { readonly forumId: string }>;
export type FeeSchemeSet = Ev<typeof CollaborationEventType.FeeSchemeSet, { readonly kind: FeeSchemeKind; readonly amount: Money; readonly effectiveFromYear: number }>;
export type MemberFigureRecorded = Ev<
  typeof CollaborationEventType.FigureRecorded,
  { readonly organisationId: string; readonly kind: FigureKind; readonly value: number; readonly effectiveFrom: string }
>;
export type HourlyRateSet = Ev<typeof CollaborationEventType.HourlyRateSet, { readonly rate: Money; readonly effectiveFrom: string }>;
export type ProjectRegistered = Ev<
  typeof CollaborationEventType.ProjectRegistered,
  {
    readonly projectId: string;
    readonly name: string;
    readonly kind: ProjectKind;
    readonly costKey: CostKey;
    readonly minimumParticipants: number;
    readonly proposalId: string | null;
  }
>;
export type ProjectOptedOut = Ev<typeof CollaborationEventType.OptedOut, { readonly projectId: string; readonly organisationId: string; readonly reason: string | null }>;
export type ProjectOptedIn = Ev<typeof CollaborationEventType.OptedIn, { readonly projectId: string; readonly organisationId: string }>;
export type ProjectStarted = Ev<typeof CollaborationEventType.ProjectStarted, { readonly projectId: string; readonly startedOn: string; readonly participants: readonly string[] }>;
export type ProjectCostRecorded = Ev<
  typeof CollaborationEventType.CostRecorded,
  { readonly projectId: string; readonly costId: string; readonly description: string; readonly amount: Money; readonly incurredOn: string; readonly paidBy: string }
>;
export type HoursRecorded = Ev<
  typeof CollaborationEventType.HoursRecorded,
  {
    readonly projectId: string;
    readonly entryId: string;
    readonly organisationId: string;
    readonly workedOn: string;
    readonly hundredths: number;
    readonly description: string | null;
  }
>;
/** The statement as issued, and the stream version it was computed from: the settlement is reproducible as of it. */
export type SettlementIssued = Ev<typeof CollaborationEventType.SettlementIssued, { readonly year: number; readonly basedOnVersion: number; readonly statement: SettlementStatement }>;

export type CollaborationEvent =
  | CollaborationEstablished
  | MemberJoined
  | MemberLeft
  | ForumReferenced
  | FeeSchemeSet
  | MemberFigureRecorded
  | HourlyRateSet
  | ProjectRegistered
  | ProjectOptedOut
  | ProjectOptedIn
  | ProjectStarted
  | ProjectCostRecorded
  | HoursRecorded
  | SettlementIssued;
