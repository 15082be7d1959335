import type { Money } from '../../shared-kernel/money.js';
import type { FeeScheme, HourlyRate, HoursEntry, LegalForm, MemberFigure, MembershipPeriod, Project, ProjectCost } from './collaboration.js';
import type { SettlementStatement } from './settlement.js';

export interface NoCollaboration {
  readonly status: 'none';
}

export interface IssuedSettlement {
  readonly year: number;
  readonly basedOnVersion: number;
  readonly statement: SettlementStatement;
}

export interface Collaboration {
  readonly status: 'established';
  readonly collaborationId: string;
  /** The administering organisation. */
  readonly organisationId: string;
  readonly name: string;
  readonly legalForm: LegalForm;
  readonly currency: Money['currency'];
  /** Every membership period, in the order joined. */
  readonly memberships: readonly MembershipPeriod[];
  readonly forumIds: readonly string[];
  /** By effective year, ascending; a scheme set again for the same year replaces it. */
  readonly feeSchemes: readonly FeeScheme[];
  readonly figures: readonly MemberFigure[];
  /** By effective date, ascending; a rate set again for the same date replaces it. */
  readonly hourlyRates: readonly HourlyRate[];
  readonly projects: readonly Project[];
  readonly costs: readonly ProjectCost[];
  readonly hours: readonly HoursEntry[];
  readonly settlements: readonly IssuedSettlement[];
  /** How many events the stream holds: its version. */
  readonly version: number;
}

export type CollaborationState = NoCollaboration | Collaboration;

export function initialCollaborationState(): CollaborationState {
  return { status: 'none' };
}
