import { DomainError } from '../../shared-kernel/domain-error.js';
import { CollaborationCommandType, CollaborationNotFound, hasEverBeenMember, type Collaboration, type CollaborationCommand, type CollaborationState } from '../domain/index.js';

/** A member asked for something only the administering organisation does. */
export class CollaborationActionNotPermitted extends DomainError {
  override readonly code = 'collaboration_action_not_permitted';

  constructor(
    readonly organisationId: string,
    readonly action: string,
  ) {
    super(`${organisationId} is a member, not the administering organisation: it may opt in or out and record hours for itself only, not ${action}`);
    this.name = 'CollaborationActionNotPermitted';
  }
}

/**
 * The data of a collaboration belongs to it: the administering organisation and every organisation that is or was a
 * member see it; anyone else is answered "not found", as for another organisation's data elsewhere.
 */
export function requireParty(state: CollaborationState, collaborationId: string, organisationId: string): Collaboration {
  if (state.status === 'none' || (state.organisationId !== organisationId && !hasEverBeenMember(state, organisationId))) {
    throw new CollaborationNotFound(collaborationId);
  }
  return state;
}

/** What a member may do on its own behalf: its participation in projects, and the hours its staff delivered. */
const ON_OWN_BEHALF: readonly string[] = [CollaborationCommandType.OptOut, CollaborationCommandType.OptIn, CollaborationCommandType.RecordHours];

/** The administering organisation runs the collaboration; a member acts only for itself. */
export function requirePermitted(c: Collaboration, organisationId: string, command: CollaborationCommand): void {
  if (c.organisationId === organisationId) return;
  const forItself = ON_OWN_BEHALF.includes(command.type) && (command.data as { organisationId?: string }).organisationId === organisationId;
  if (!forItself) throw new CollaborationActionNotPermitted(organisationId, command.type);
}
