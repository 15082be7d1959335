import type { Money } from '../../shared-kernel/money.js';
import type { CostKey, FeeSchemeKind, FigureKind, LegalForm, ProjectKind } from './collaboration.js';

/** What someone asks of a collaboration. Who may ask is the application layer's concern. */
export const CollaborationCommandType = {
  Establish: 'EstablishCollaboration',
  Join: 'JoinCollaboration',
  Leave: 'LeaveCollaboration',
  ReferenceForum: 'ReferenceForum',
  SetFeeScheme: 'SetFeeScheme',
  RecordFigure: 'RecordMemberFigure',
  SetHourlyRate: 'SetHourlyRate',
  RegisterProject: 'RegisterProject',
  OptOut: 'OptOutOfProject',
  OptIn: 'OptInToProject',
  StartProject: 'StartProject',
  RecordCost: 'RecordProjectCost',
  RecordHours: 'RecordHours',
  IssueSettlement: 'IssueSettlement',
} as const;

type Cmd<TType extends string, TData> = { readonly type: TType; readonly data: { readonly collaborationId: string } & TData };

/** `organisationId` is the administering organisation (the secretariat, or the collaboration's own organisation). */
export type EstablishCollaboration = Cmd<
  typeof CollaborationCommandType.Establish,
  { readonly organisationId: string; readonly name: string; readonly legalForm: LegalForm; readonly currency: Money['currency'] }
>;
export type JoinCollaboration = Cmd<typeof CollaborationCommandType.Join, { readonly organisationId: string; readonly joinedOn: string }>;
/** `leftOn` is the first day the organisation is no longer a member. */
export type LeaveCollaboration = Cmd<typeof CollaborationCommandType.Leave, { readonly organisationId: string; readonly leftOn: string; readonly reason?: string | null }>;
export type ReferenceForum = Cmd<typeof CollaborationCommandType.ReferenceForum, { readonly forumId: string }>;
export type SetFeeScheme = Cmd<typeof CollaborationCommandType.SetFeeScheme, { readonly kind: FeeSchemeKind; readonly amount: Money; readonly effectiveFromYear: number }>;
export type RecordMemberFigure = Cmd<
  typeof CollaborationCommandType.RecordFigure,
  { readonly organisationId: string; readonly kind: FigureKind; readonly value: number; readonly effectiveFrom: string }
>;
export type SetHourlyRate = Cmd<typeof CollaborationCommandType.SetHourlyRate, { readonly rate: Money; readonly effectiveFrom: string }>;
export type RegisterProject = Cmd<
  typeof CollaborationCommandType.RegisterProject,
  {
    readonly projectId: string;
    readonly name: string;
    readonly kind: ProjectKind;
    readonly costKey: CostKey;
    readonly minimumParticipants: number;
    readonly proposalId?: string | null;
  }
>;
export type OptOutOfProject = Cmd<typeof CollaborationCommandType.OptOut, { readonly projectId: string; readonly organisationId: string; readonly reason?: string | null }>;
export type OptInToProject = Cmd<typeof CollaborationCommandType.OptIn, { readonly projectId: string; readonly organisationId: string }>;
export type StartProject = Cmd<typeof CollaborationCommandType.StartProject, { readonly projectId: string; readonly startedOn: string }>;
export type RecordProjectCost = Cmd<
  typeof CollaborationCommandType.RecordCost,
  { readonly projectId: string; readonly costId: string; readonly description: string; readonly amount: Money; readonly incurredOn: string; readonly paidBy: string }
>;
export type RecordHours = Cmd<
  typeof CollaborationCommandType.RecordHours,
  {
    readonly projectId: string;
    readonly entryId: string;
    readonly organisationId: string;
    readonly workedOn: string;
    /** Decimal hours, at most two decimals (7.25). */
    readonly hours: number;
    readonly description?: string | null;
  }
>;
export type IssueSettlement = Cmd<typeof CollaborationCommandType.IssueSettlement, { readonly year: number }>;

export type CollaborationCommand =
  | EstablishCollaboration
  | JoinCollaboration
  | LeaveCollaboration
  | ReferenceForum
  | SetFeeScheme
  | RecordMemberFigure
  | SetHourlyRate
  | RegisterProject
  | OptOutOfProject
  | OptInToProject
  | StartProject
  | RecordProjectCost
  | RecordHours
  | IssueSettlement;
