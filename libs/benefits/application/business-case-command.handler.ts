import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventStore } from '../../event-store/index.js';
import { foldProjectView } from '../../governance/decisions/application/project-view.js';
import { projectStream } from '../../governance/domain/decisions/index.js';
import { ForumReader } from '../../governance/forums/application/forum-reader.js';
import { organisationGuard } from '../../platform/index.js';
import { BusinessCaseCommandType, businessCaseDecider, BusinessCaseNotFound, InvalidBenefitRequest } from '../domain/index.js';
import { ExecuteBusinessCaseCommand, type BusinessCaseCommandResult } from './business-case-commands.js';
import { businessCaseStream } from './business-case-stream.js';
import { foldBusinessCaseView } from './business-case-view.js';

@CommandHandler(ExecuteBusinessCaseCommand)
export class ExecuteBusinessCaseHandler implements ICommandHandler<ExecuteBusinessCaseCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly forums: ForumReader,
  ) {}

  async execute(c: ExecuteBusinessCaseCommand): Promise<BusinessCaseCommandResult> {
    const { command } = c;
    const projectId = command.data.projectId;
    // projects and forums are never removed: what is checked here still holds at the append
    if (command.type === BusinessCaseCommandType.Prepare) {
      const project = foldProjectView(await this.store.readStream(projectStream(projectId)));
      if (!project || project.organisationId !== c.organisationId) throw new InvalidBenefitRequest('projectId', 'is not a project in the portfolio of this organisation');
    }
    const forumId = command.type === BusinessCaseCommandType.Prepare || command.type === BusinessCaseCommandType.Revise ? command.data.forumId : undefined;
    if (forumId !== undefined && !(await this.forums.find(forumId, c.organisationId))) throw new InvalidBenefitRequest('forumId', 'is not a forum of this organisation');
    const stream = businessCaseStream(projectId);
    const guard = organisationGuard(c.organisationId, () => new BusinessCaseNotFound(projectId));
    const result = await handleCommand(this.store, businessCaseDecider, stream, command, { metadata: c.metadata, expectedVersion: c.expectedVersion, guard });
    const businessCase = foldBusinessCaseView(await this.store.readStream(stream, { toVersion: result.version }));
    if (!businessCase) throw new BusinessCaseNotFound(projectId);
    return { businessCase, position: result.append?.lastPosition ?? null };
  }
}
