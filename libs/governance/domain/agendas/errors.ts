import { DomainError } from '../../../shared-kernel/domain-error.js';

export class AgendaNotFound extends DomainError {
  override readonly code = 'agenda_not_found';

  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} has no agenda`);
    this.name = 'AgendaNotFound';
  }
}

/** One agenda per meeting. */
export class AgendaAlreadyExists extends DomainError {
  override readonly code = 'agenda_already_exists';

  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} already has an agenda`);
    this.name = 'AgendaAlreadyExists';
  }
}

/** A frozen agenda is what the forum saw: it changes only after an explicit reopen. */
export class AgendaAlreadyFrozen extends DomainError {
  override readonly code = 'agenda_already_frozen';

  constructor(
    readonly meetingId: string,
    readonly revision: number,
  ) {
    super(`the agenda of meeting ${meetingId} is frozen at revision ${revision}; reopen it to change it`);
    this.name = 'AgendaAlreadyFrozen';
  }
}

export class AgendaNotFrozen extends DomainError {
  override readonly code = 'agenda_not_frozen';

  constructor(readonly meetingId: string) {
    super(`the agenda of meeting ${meetingId} is not frozen`);
    this.name = 'AgendaNotFrozen';
  }
}

export class AgendaItemNotFound extends DomainError {
  override readonly code = 'agenda_item_not_found';

  constructor(readonly itemId: string) {
    super(`agenda item ${itemId} does not exist`);
    this.name = 'AgendaItemNotFound';
  }
}

export class AgendaItemAlreadyExists extends DomainError {
  override readonly code = 'agenda_item_already_exists';

  constructor(readonly itemId: string) {
    super(`agenda item ${itemId} already exists`);
    this.name = 'AgendaItemAlreadyExists';
  }
}

/** A forum decides on a proposal once per meeting. */
export class ProposalAlreadyOnAgenda extends DomainError {
  override readonly code = 'proposal_already_on_agenda';

  constructor(
    readonly proposalId: string,
    readonly itemId: string,
  ) {
    super(`proposal ${proposalId} is already up for decision as item ${itemId}`);
    this.name = 'ProposalAlreadyOnAgenda';
  }
}

/** A field of an agenda command is invalid (a blank title, a decision without a proposal, an order that is not a permutation). */
export class InvalidAgenda extends DomainError {
  override readonly code = 'invalid_agenda';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidAgenda';
  }
}

/** The pack to freeze is malformed or does not match the agenda; `field` is a path into the pack. */
export class InvalidAgendaPack extends DomainError {
  override readonly code = 'invalid_agenda_pack';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`pack ${field}: ${reason}`);
    this.name = 'InvalidAgendaPack';
  }
}

/** The stored history cannot be replayed (e.g. an item added before the agenda was prepared): a defect, not a user error. */
export class InconsistentAgendaHistory extends Error {
  constructor(
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`event ${eventType} cannot apply: ${detail}`);
    this.name = 'InconsistentAgendaHistory';
  }
}
