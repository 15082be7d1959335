import { ProblemException, type ProblemMapper } from '../../../platform/index.js';
import {
  AgendaAlreadyExists,
  AgendaAlreadyFrozen,
  AgendaItemAlreadyExists,
  AgendaItemNotFound,
  AgendaNotFound,
  AgendaNotFrozen,
  InvalidAgenda,
  InvalidAgendaPack,
  ProposalAlreadyOnAgenda,
} from '../../domain/agendas/index.js';
import { AgendaProposalNotFound } from '../application/agenda-command.handlers.js';
import { AgendaPackSourceNotFound } from '../application/agenda-pack-assembler.js';
import { AgendaRevisionNotFound } from '../application/agenda-queries.js';

/** The request body's field for a domain field: the item's fields are at the top of the add-item request. */
const requestField = (field: string) => field.replace(/^item\./, '');

/** The agenda's errors as problems: unknown 404, state conflicts 409, rule violations 422 with the field. */
export const agendaProblemMapper: ProblemMapper = (error) => {
  if (error instanceof AgendaNotFound) {
    return new ProblemException({ status: 404, title: 'Agenda not found', detail: error.message, extensions: { meetingId: error.meetingId } });
  }
  if (error instanceof AgendaRevisionNotFound) {
    return new ProblemException({
      status: 404,
      title: 'Agenda revision not found',
      detail: error.message,
      extensions: { meetingId: error.meetingId, revision: error.revision },
    });
  }
  if (error instanceof AgendaItemNotFound) {
    return new ProblemException({ status: 404, title: 'Agenda item not found', detail: error.message, extensions: { itemId: error.itemId } });
  }
  if (error instanceof AgendaAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Agenda already exists', detail: error.message, extensions: { meetingId: error.meetingId } });
  }
  if (error instanceof AgendaAlreadyFrozen) {
    return new ProblemException({
      status: 409,
      title: 'Agenda frozen',
      detail: `${error.message}.`,
      extensions: { meetingId: error.meetingId, revision: error.revision, currentStatus: 'frozen' },
    });
  }
  if (error instanceof AgendaNotFrozen) {
    return new ProblemException({ status: 409, title: 'Agenda not frozen', detail: error.message, extensions: { currentStatus: 'draft' } });
  }
  if (error instanceof AgendaItemAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Agenda item already exists', detail: error.message, extensions: { itemId: error.itemId } });
  }
  if (error instanceof ProposalAlreadyOnAgenda) {
    return new ProblemException({
      status: 409,
      title: 'Proposal already on the agenda',
      detail: error.message,
      extensions: { proposalId: error.proposalId, itemId: error.itemId },
    });
  }
  if (error instanceof InvalidAgenda) {
    const field = requestField(error.field);
    return new ProblemException({ status: 422, title: 'Invalid agenda', detail: `${field}: ${error.reason}`, errors: [{ field, reason: error.reason }] });
  }
  if (error instanceof AgendaProposalNotFound) {
    return new ProblemException({ status: 422, title: 'Unknown proposal', detail: error.message, errors: [{ field: 'proposalId', reason: error.message }] });
  }
  if (error instanceof AgendaPackSourceNotFound) {
    return new ProblemException({
      status: 422,
      title: 'Agenda pack cannot be assembled',
      detail: error.message,
      errors: [{ field: error.field, reason: error.reason }],
    });
  }
  if (error instanceof InvalidAgendaPack) {
    // the server assembles the pack: a pack it cannot freeze means its sources disagree with the agenda
    return new ProblemException({
      status: 422,
      title: 'Invalid agenda pack',
      detail: error.message,
      errors: [{ field: `pack.${error.field}`, reason: error.reason }],
    });
  }
  return undefined;
};
