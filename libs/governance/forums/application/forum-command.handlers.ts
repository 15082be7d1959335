import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventMetadata, type EventStore } from '../../../event-store/index.js';
import { organisationGuard } from '../../../platform/index.js';
import { ForumCommandType, ForumNotFound, InvalidForum, type Forum, type ForumCommand, type ForumState, type Mandate } from '../../domain/forums/index.js';
import { findDepartment, type Organisation } from '../../domain/organisations/index.js';
import { OrganisationReader } from '../../organisations/application/organisation-reader.js';
import { OrganisationNotRegistered } from './forum-application.errors.js';
import {
  AmendForumMandateCommand,
  ChangeForumDecisionRuleCommand,
  ChangeForumMemberRoleCommand,
  EstablishForumCommand,
  JoinForumCommand,
  LeaveForumCommand,
  type ForumCommandResult,
} from './forum-commands.js';
import { ForumReader } from './forum-reader.js';
import { forumDecider, forumStream } from './forum-stream.js';

/**
 * Decide on the stream, append, and answer with the forum as it now stands. `check` runs on the existing forum of
 * the acting organisation before the decision: where rules that need other aggregates refuse a command.
 */
async function run(
  store: EventStore,
  reader: ForumReader,
  forumId: string,
  organisationId: string,
  command: ForumCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
  check?: (forum: Forum) => void,
): Promise<ForumCommandResult> {
  const inScope = organisationGuard(organisationId, () => new ForumNotFound(forumId));
  const guard = (state: unknown) => {
    inScope(state);
    const s = state as ForumState;
    if (s.status !== 'none') check?.(s); // none: the domain answers ForumNotFound (or establishes it)
  };
  const result = await handleCommand(store, forumDecider, forumStream(forumId), command, { metadata, expectedVersion, guard });
  return { forum: await reader.load(forumId, organisationId, { toVersion: result.version }), position: result.append?.lastPosition ?? null };
}

/** A mandate names departments of its own organisation: a typo would silently narrow it to nothing. */
function requireKnownDepartments(organisation: Organisation | null, mandate: Mandate): void {
  if (!organisation || !Array.isArray(mandate?.departmentIds)) return;
  mandate.departmentIds.forEach((departmentId, i) => {
    if (findDepartment(organisation, departmentId) === null) {
      throw new InvalidForum(`mandate.departmentIds.${i}`, `${departmentId} is not a department of organisation ${organisation.organisationId}`);
    }
  });
}

@CommandHandler(EstablishForumCommand)
export class EstablishForumHandler implements ICommandHandler<EstablishForumCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly forums: ForumReader,
    private readonly organisations: OrganisationReader,
  ) {}

  async execute(c: EstablishForumCommand): Promise<ForumCommandResult> {
    // Organisations, forums and departments are never removed, so what is checked here still holds at the append.
    const organisation = await this.organisations.find(c.organisationId);
    if (!organisation) throw new OrganisationNotRegistered(c.organisationId);
    if (c.parentForumId !== null && !(await this.forums.find(c.parentForumId, c.organisationId))) {
      throw new InvalidForum('parentForumId', 'no forum of the organisation has this id');
    }
    requireKnownDepartments(organisation.organisation, c.mandate);
    const command = {
      type: ForumCommandType.Establish,
      data: {
        forumId: c.forumId,
        organisationId: c.organisationId,
        name: c.name,
        kind: c.kind,
        parentForumId: c.parentForumId,
        mandate: c.mandate,
        decisionRule: c.decisionRule,
      },
    } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata);
  }
}

@CommandHandler(AmendForumMandateCommand)
export class AmendForumMandateHandler implements ICommandHandler<AmendForumMandateCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly forums: ForumReader,
    private readonly organisations: OrganisationReader,
  ) {}

  async execute(c: AmendForumMandateCommand): Promise<ForumCommandResult> {
    const organisation = await this.organisations.find(c.organisationId);
    const command = { type: ForumCommandType.AmendMandate, data: { forumId: c.forumId, mandate: c.mandate } } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata, c.expectedVersion, () =>
      requireKnownDepartments(organisation?.organisation ?? null, c.mandate),
    );
  }
}

@CommandHandler(ChangeForumDecisionRuleCommand)
export class ChangeForumDecisionRuleHandler implements ICommandHandler<ChangeForumDecisionRuleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly forums: ForumReader) {}
  execute(c: ChangeForumDecisionRuleCommand) {
    const command = { type: ForumCommandType.ChangeDecisionRule, data: { forumId: c.forumId, decisionRule: c.decisionRule } } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(JoinForumCommand)
export class JoinForumHandler implements ICommandHandler<JoinForumCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly forums: ForumReader) {}
  execute(c: JoinForumCommand) {
    const command = {
      type: ForumCommandType.Join,
      data: { forumId: c.forumId, memberId: c.memberId, person: c.person, role: c.role, from: c.from },
    } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(ChangeForumMemberRoleCommand)
export class ChangeForumMemberRoleHandler implements ICommandHandler<ChangeForumMemberRoleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly forums: ForumReader) {}
  execute(c: ChangeForumMemberRoleCommand) {
    const command = { type: ForumCommandType.ChangeRole, data: { forumId: c.forumId, memberId: c.memberId, role: c.role, from: c.from } } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

@CommandHandler(LeaveForumCommand)
export class LeaveForumHandler implements ICommandHandler<LeaveForumCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly forums: ForumReader) {}
  execute(c: LeaveForumCommand) {
    const command = { type: ForumCommandType.Leave, data: { forumId: c.forumId, memberId: c.memberId, to: c.to } } as const;
    return run(this.store, this.forums, c.forumId, c.organisationId, command, c.metadata, c.expectedVersion);
  }
}

export const FORUM_COMMAND_HANDLERS = [
  EstablishForumHandler,
  AmendForumMandateHandler,
  ChangeForumDecisionRuleHandler,
  JoinForumHandler,
  ChangeForumMemberRoleHandler,
  LeaveForumHandler,
];
