import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { ForumReader } from '../../governance/forums/application/forum-reader.js';
import { OrganisationReader } from '../../governance/organisations/application/organisation-reader.js';
import { collaborationDecider, CollaborationCommandType, InvalidCollaborationRequest, type CollaborationCommand, type CollaborationState } from '../domain/index.js';
import { requireParty, requirePermitted } from './access.js';
import { ChangeCollaborationCommand, EstablishCollaborationCommand, type CollaborationCommandResult } from './collaboration-commands.js';
import { collaborationStream, foldCollaboration } from './collaboration-stream.js';
import { loadCollaboration } from './collaboration-view.js';

interface RunOptions {
  readonly metadata: EventMetadata;
  readonly expectedVersion?: number;
  readonly guard?: (state: unknown) => void;
  readonly newStream?: boolean;
}

async function run(store: EventStore, collaborationId: string, command: CollaborationCommand, options: RunOptions): Promise<CollaborationCommandResult> {
  const result = await handleCommand(store, collaborationDecider, collaborationStream(collaborationId), command, options);
  const loaded = loadCollaboration(await store.readStream(collaborationStream(collaborationId), { toVersion: result.version }))!;
  return { loaded, position: result.append?.lastPosition ?? null };
}

@CommandHandler(EstablishCollaborationCommand)
export class EstablishCollaborationHandler implements ICommandHandler<EstablishCollaborationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(c: EstablishCollaborationCommand) {
    const { collaborationId, organisationId, name, legalForm, currency } = c;
    const command = { type: CollaborationCommandType.Establish, data: { collaborationId, organisationId, name, legalForm, currency } } as const;
    return run(this.store, collaborationId, command, { metadata: c.metadata, newStream: true });
  }
}

@CommandHandler(ChangeCollaborationCommand)
export class ChangeCollaborationHandler implements ICommandHandler<ChangeCollaborationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organisations: OrganisationReader,
    private readonly forums: ForumReader,
  ) {}

  async execute(c: ChangeCollaborationCommand): Promise<CollaborationCommandResult> {
    const { command, actingOrganisationId } = c;
    const { collaborationId } = command.data;
    const guard = (state: unknown) => requirePermitted(requireParty(state as CollaborationState, collaborationId, actingOrganisationId), actingOrganisationId, command);
    // references are checked against what is never removed (organisations, forums), so they still hold at the append
    if (command.type === CollaborationCommandType.Join) await this.requireOrganisation(command.data.organisationId);
    if (command.type === CollaborationCommandType.ReferenceForum) await this.requireForum(collaborationId, actingOrganisationId, command.data.forumId);
    return run(this.store, collaborationId, command, { metadata: c.metadata, expectedVersion: c.expectedVersion, guard });
  }

  /** The collaboration's forums are forums of its administering organisation (4K's steering group is 4K's). */
  private async requireForum(collaborationId: string, actingOrganisationId: string, forumId: string): Promise<void> {
    const state = foldCollaboration(await this.store.readStream(collaborationStream(collaborationId)));
    const collaboration = requireParty(state, collaborationId, actingOrganisationId);
    if (typeof forumId !== 'string' || !(await this.forums.find(forumId, collaboration.organisationId))) {
      throw new InvalidCollaborationRequest('forumId', `is not a forum of ${collaboration.organisationId}, the administering organisation`);
    }
  }

  private async requireOrganisation(organisationId: string): Promise<void> {
    if (typeof organisationId !== 'string' || !(await this.organisations.find(organisationId))) {
      throw new InvalidCollaborationRequest('organisationId', 'is not a registered organisation');
    }
  }
}

export const COLLABORATION_COMMAND_HANDLERS = [EstablishCollaborationHandler, ChangeCollaborationHandler];
