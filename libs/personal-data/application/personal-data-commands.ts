import { Command, Query } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';

/** A person as the administrator sees them: an id and whether their data is still kept. Never a name or an email. */
export interface PersonView {
  readonly personId: string;
  readonly erased: boolean;
  /** When the person first appeared in an event. */
  readonly firstSeenAt: string;
  readonly erasure: ErasureView | null;
}

/** The audited erasure, as its event records it. */
export interface ErasureView {
  readonly erasedAt: string;
  readonly erasedBy: string;
  readonly reason: string | null;
}

export interface ErasureResult {
  readonly person: PersonView;
  /** The stream's version (ETag). */
  readonly version: number;
  /** Null when this request erased nothing new (the person was erased before). */
  readonly position: LogPosition | null;
}

export class ErasePersonalDataCommand extends Command<ErasureResult> {
  constructor(
    readonly personId: string,
    readonly organisationId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class FindPersonByEmailQuery extends Query<PersonView | null> {
  constructor(
    readonly organisationId: string,
    readonly email: string,
  ) {
    super();
  }
}

export class GetPersonQuery extends Query<PersonView> {
  constructor(
    readonly organisationId: string,
    readonly personId: string,
  ) {
    super();
  }
}
