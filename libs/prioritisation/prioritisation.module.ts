import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { ForumRankingReader } from './application/forum-ranking.reader.js';
import { SCORECARD_COMMAND_HANDLERS } from './application/scorecard-command.handlers.js';
import { SCORECARD_QUERY_HANDLERS } from './application/scorecard-queries.js';
import { SCORING_MODEL_COMMAND_HANDLERS } from './application/scoring-model-command.handlers.js';
import { SCORING_MODEL_QUERY_HANDLERS } from './application/scoring-model-queries.js';
import { ForumRankingController } from './http/forum-ranking.controller.js';
import { prioritisationProblemMapper } from './http/prioritisation-problem.mapper.js';
import { ProposalScoresController } from './http/proposal-scores.controller.js';
import { ScoringModelsController } from './http/scoring-models.controller.js';
import { ForumRankingEntry } from './read-models/forum-ranking-entry.entity.js';
import { ForumRankingMandate } from './read-models/forum-ranking-mandate.entity.js';
import { ForumRankingProjection } from './read-models/forum-ranking.projection.js';
import { ForumRankingScore } from './read-models/forum-ranking-score.entity.js';
import { ScoringModelSummary } from './read-models/scoring-model-summary.entity.js';
import { ScoringModelSummaryProjection } from './read-models/scoring-model-summary.projection.js';

/**
 * The prioritisation bounded context: forums' scoring models, proposals' scorecards, and each forum's ranking.
 * Exports ForumRankingReader for the agenda freeze.
 */
@Module({
  imports: [
    CqrsModule,
    ProjectionsModule,
    TypeOrmModule.forFeature([ScoringModelSummary, ForumRankingEntry, ForumRankingScore, ForumRankingMandate]),
    ProblemModule.forFeature(prioritisationProblemMapper),
  ],
  controllers: [ScoringModelsController, ProposalScoresController, ForumRankingController],
  providers: [...SCORING_MODEL_COMMAND_HANDLERS, ...SCORING_MODEL_QUERY_HANDLERS, ...SCORECARD_COMMAND_HANDLERS, ...SCORECARD_QUERY_HANDLERS, ForumRankingReader],
  exports: [ForumRankingReader],
})
export class PrioritisationModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRuntime) {}

  onModuleInit(): void {
    this.projections.register(new ScoringModelSummaryProjection());
    this.projections.register(new ForumRankingProjection());
  }
}
