import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { AgendaItemInput } from '../../domain/agendas/index.js';
import type { AgendaRevisionView, AgendaView } from './agenda-view.js';

/** What every agenda command answers: the agenda after it, and where its events sit in the log. */
export interface AgendaCommandResult {
  readonly agenda: AgendaView;
  /** Null when nothing was written (e.g. a freeze retried with nothing changed). */
  readonly position: LogPosition | null;
}

export interface FreezeAgendaResult extends AgendaCommandResult {
  /** The revision now standing, pack included. */
  readonly frozen: AgendaRevisionView;
  /** False when the same pack was already frozen (a retry): nothing was written. */
  readonly created: boolean;
}

abstract class AgendaCommandBase<R> extends Command<R> {
  constructor(
    readonly meetingId: string,
    /** The acting organisation: another organisation's agenda is not found. */
    readonly organisationId: string,
    /** The If-Match version; undefined to guard the write with the version just read. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class PrepareAgendaCommand extends AgendaCommandBase<AgendaCommandResult> {
  constructor(meetingId: string, organisationId: string, metadata: EventMetadata) {
    super(meetingId, organisationId, undefined, metadata);
  }
}

export class AddAgendaItemCommand extends AgendaCommandBase<AgendaCommandResult> {
  constructor(
    meetingId: string,
    organisationId: string,
    readonly item: AgendaItemInput,
    readonly position: number | undefined,
    expectedVersion: number | undefined,
    metadata: EventMetadata,
  ) {
    super(meetingId, organisationId, expectedVersion, metadata);
  }
}

export class RemoveAgendaItemCommand extends AgendaCommandBase<AgendaCommandResult> {
  constructor(meetingId: string, organisationId: string, readonly itemId: string, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(meetingId, organisationId, expectedVersion, metadata);
  }
}

export class ReorderAgendaItemsCommand extends AgendaCommandBase<AgendaCommandResult> {
  constructor(meetingId: string, organisationId: string, readonly itemIds: readonly string[], expectedVersion: number | undefined, metadata: EventMetadata) {
    super(meetingId, organisationId, expectedVersion, metadata);
  }
}

export class FreezeAgendaCommand extends AgendaCommandBase<FreezeAgendaResult> {
  constructor(
    meetingId: string,
    organisationId: string,
    readonly sources: { readonly scoringModelId?: string; readonly fundingPoolId?: string },
    expectedVersion: number | undefined,
    metadata: EventMetadata,
  ) {
    super(meetingId, organisationId, expectedVersion, metadata);
  }
}

export class ReopenAgendaCommand extends AgendaCommandBase<AgendaCommandResult> {
  constructor(meetingId: string, organisationId: string, readonly reason: string, expectedVersion: number | undefined, metadata: EventMetadata) {
    super(meetingId, organisationId, expectedVersion, metadata);
  }
}
