import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { CollaborationActionNotPermitted } from '../application/access.js';
import {
  CollaborationAlreadyExists,
  CollaborationIdInUse,
  CollaborationNotFound,
  InvalidCollaborationRequest,
  MembershipConflict,
  MissingMemberFigure,
  ProjectAlreadyStarted,
  ProjectNotFound,
  ProjectNotStarted,
  SettlementAlreadyIssued,
  SettlementNotIssued,
  TooFewParticipants,
  YearAlreadySettled,
} from '../domain/index.js';
import { InvalidCollaborationCursor } from '../read-models/collaboration-list.query.js';

/** Collaboration errors as problems: unknown 404, not the administrator's to ask 403, conflicts with the timeline 409, rule violations 422. */
export const collaborationProblemMapper: ProblemMapper = (error) => {
  if (error instanceof CollaborationNotFound) {
    return new ProblemException({ status: 404, title: 'Collaboration not found', detail: error.message, extensions: { collaborationId: error.collaborationId } });
  }
  if (error instanceof ProjectNotFound) {
    return new ProblemException({ status: 404, title: 'Project not found', detail: error.message, extensions: { projectId: error.projectId } });
  }
  if (error instanceof SettlementNotIssued) {
    return new ProblemException({ status: 404, title: 'Settlement not issued', detail: error.message, extensions: { year: error.year } });
  }
  if (error instanceof CollaborationActionNotPermitted) {
    return new ProblemException({ status: 403, title: 'Only the administering organisation may do this', detail: error.message });
  }
  if (error instanceof InvalidCollaborationRequest) {
    return new ProblemException({ status: 422, title: 'Invalid collaboration request', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof MissingMemberFigure) {
    return new ProblemException({
      status: 422,
      title: 'Member figure missing',
      detail: `${error.message}: record it before settling.`,
      extensions: { organisationId: error.organisationId, kind: error.kind, date: error.date },
    });
  }
  if (error instanceof TooFewParticipants) {
    return new ProblemException({
      status: 409,
      title: 'Too few participants to start',
      detail: error.message,
      extensions: { minimumParticipants: error.minimumParticipants, participants: error.participants },
    });
  }
  if (error instanceof MembershipConflict) {
    return new ProblemException({ status: 409, title: 'Membership conflict', detail: error.message, errors: [{ field: 'organisationId', reason: error.detail }] });
  }
  if (error instanceof ProjectAlreadyStarted) {
    return new ProblemException({ status: 409, title: 'Project already started', detail: error.message, extensions: { startedOn: error.startedOn } });
  }
  if (error instanceof ProjectNotStarted) {
    return new ProblemException({ status: 409, title: 'Project not started', detail: error.message });
  }
  if (error instanceof CollaborationIdInUse) {
    return new ProblemException({ status: 409, title: 'Id in use', detail: error.message, errors: [{ field: error.field, reason: 'is the id of something else' }] });
  }
  if (error instanceof CollaborationAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Collaboration already exists', detail: error.message });
  }
  if (error instanceof SettlementAlreadyIssued) {
    return new ProblemException({
      status: 409,
      title: 'Settlement already issued',
      detail: `${error.message}: an issued settlement is final.`,
      extensions: { year: error.year },
    });
  }
  if (error instanceof YearAlreadySettled) {
    return new ProblemException({
      status: 409,
      title: 'Year already settled',
      detail: `${error.message}: date it in a later year, the one whose settlement will carry it.`,
      errors: [{ field: error.field, reason: `is in ${error.year}, a year already settled` }],
      extensions: { year: error.year },
    });
  }
  if (error instanceof InvalidCollaborationCursor) {
    return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  }
  return undefined;
};
