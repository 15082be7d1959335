import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FundingModule } from '../funding/funding.module.js';
import { ProblemModule } from '../platform/index.js';
import { PrioritisationModule } from '../prioritisation/prioritisation.module.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { AGENDA_COMMAND_HANDLERS } from './agendas/application/agenda-command.handlers.js';
import { AgendaPackAssembler } from './agendas/application/agenda-pack-assembler.js';
import { AGENDA_QUERY_HANDLERS } from './agendas/application/agenda-queries.js';
import { ForumRankingAdapter } from './agendas/application/adapters/forum-ranking.adapter.js';
import { FundingPoolAdapter } from './agendas/application/adapters/funding-pool.adapter.js';
import { FORUM_RANKING_PORT } from './agendas/application/ports/forum-ranking.port.js';
import { FUNDING_POOL_PORT } from './agendas/application/ports/funding-pool.port.js';
import { agendaProblemMapper } from './agendas/http/agenda-problem.mapper.js';
import { AgendasController } from './agendas/http/agendas.controller.js';
import { AgendaSummary } from './agendas/read-models/agenda-summary.entity.js';
import { AgendaSummaryProjection } from './agendas/read-models/agenda-summary.projection.js';
import { MEETING_COMMAND_HANDLERS } from './meetings/application/meeting-command.handlers.js';
import { MeetingLocator } from './meetings/application/meeting-locator.js';
import { MEETING_QUERY_HANDLERS } from './meetings/application/meeting-queries.js';
import { meetingProblemMapper } from './meetings/http/meeting-problem.mapper.js';
import { ForumMeetingsController, MeetingsController } from './meetings/http/meetings.controller.js';
import { MeetingRow } from './meetings/read-models/meeting.entity.js';
import { MeetingsProjection } from './meetings/read-models/meetings.projection.js';

/**
 * Forum meeting calendars and meeting agendas: commands, queries, the `meetings` and `agenda_summaries` read models,
 * and their HTTP API.
 *
 * Freezing an agenda reads the forum's ranking and a funding pool's balance through two ports, bound here to the
 * prioritisation and funding contexts' readers by adapters (the null adapters remain for unit tests).
 */
@Module({
  imports: [
    CqrsModule,
    ProjectionsModule,
    PrioritisationModule,
    FundingModule,
    TypeOrmModule.forFeature([MeetingRow, AgendaSummary]),
    ProblemModule.forFeature(meetingProblemMapper, agendaProblemMapper),
  ],
  controllers: [ForumMeetingsController, MeetingsController, AgendasController],
  providers: [
    ...MEETING_COMMAND_HANDLERS,
    ...MEETING_QUERY_HANDLERS,
    ...AGENDA_COMMAND_HANDLERS,
    ...AGENDA_QUERY_HANDLERS,
    MeetingLocator,
    AgendaPackAssembler,
    ForumRankingAdapter,
    FundingPoolAdapter,
    { provide: FORUM_RANKING_PORT, useExisting: ForumRankingAdapter },
    { provide: FUNDING_POOL_PORT, useExisting: FundingPoolAdapter },
  ],
  exports: [MeetingLocator, FORUM_RANKING_PORT, FUNDING_POOL_PORT],
})
export class MeetingsAgendasModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new MeetingsProjection());
    this.projections.register(new AgendaSummaryProjection());
  }
}
