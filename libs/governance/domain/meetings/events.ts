import type { NewEvent } from '../../../event-store/port/index.js';
import type { RecurrenceRule } from './recurrence-rule.js';

/**
 * Facts about a forum's meeting calendar. Times are ISO 8601 with the offset that applied in the meeting's zone
 * ('2025-03-06T14:00:00+01:00'); when the fact was recorded, and by whom, is the event store's metadata.
 */
export const MeetingCalendarEventType = {
  RecurrenceRuleSet: 'RecurrenceRuleSet',
  MeetingScheduled: 'MeetingScheduled',
  MeetingAdded: 'MeetingAdded',
  MeetingMoved: 'MeetingMoved',
  MeetingCancelled: 'MeetingCancelled',
  MeetingHeld: 'MeetingHeld',
} as const;
export type MeetingCalendarEventTypeName = (typeof MeetingCalendarEventType)[keyof typeof MeetingCalendarEventType];

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

/** The complete rule, defaults filled in. */
export interface RecurrenceRuleSetData {
  readonly forumId: string;
  readonly rule: RecurrenceRule;
}

/** Where a meeting first stood; a move changes the times but never the planned date, which keys its id. */
export interface MeetingSlotData {
  readonly forumId: string;
  readonly meetingId: string;
  readonly plannedDate: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
}

/** Generated from the recurrence rule. */
export type MeetingScheduledData = MeetingSlotData;

/** An extra meeting outside the rule. */
export interface MeetingAddedData extends MeetingSlotData {
  readonly reason: string | null;
}

export interface MeetingMovedData {
  readonly forumId: string;
  readonly meetingId: string;
  readonly previousStartsAt: string;
  readonly previousEndsAt: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reason: string;
}

export interface MeetingCancelledData {
  readonly forumId: string;
  readonly meetingId: string;
  readonly reason: string;
}

export interface MeetingHeldData {
  readonly forumId: string;
  readonly meetingId: string;
}

export type RecurrenceRuleSet = DomainEvent<typeof MeetingCalendarEventType.RecurrenceRuleSet, RecurrenceRuleSetData>;
export type MeetingScheduled = DomainEvent<typeof MeetingCalendarEventType.MeetingScheduled, MeetingScheduledData>;
export type MeetingAdded = DomainEvent<typeof MeetingCalendarEventType.MeetingAdded, MeetingAddedData>;
export type MeetingMoved = DomainEvent<typeof MeetingCalendarEventType.MeetingMoved, MeetingMovedData>;
export type MeetingCancelled = DomainEvent<typeof MeetingCalendarEventType.MeetingCancelled, MeetingCancelledData>;
export type MeetingHeld = DomainEvent<typeof MeetingCalendarEventType.MeetingHeld, MeetingHeldData>;

export type MeetingCalendarEvent =
  | RecurrenceRuleSet
  | MeetingScheduled
  | MeetingAdded
  | MeetingMoved
  | MeetingCancelled
  | MeetingHeld;
