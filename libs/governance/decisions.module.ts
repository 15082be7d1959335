import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, type EventStore } from '../event-store/index.js';
import { ProblemModule } from '../platform/index.js';
import { ProjectionRuntime } from '../projections/index.js';
import { ProjectionsModule } from '../projections/nest/projections.module.js';
import { ForumPortfolioPages } from './decisions/application/forum-portfolio.pages.js';
import { ForumPortfolioReader } from './decisions/application/forum-portfolio.reader.js';
import { DecisionBasisLoader } from './decisions/application/decision-basis.loader.js';
import { PortfolioEntryProcess } from './decisions/application/portfolio-entry.process.js';
import { PROJECT_QUERY_HANDLERS } from './decisions/application/project-queries.js';
import { TakeDecisionHandler } from './decisions/application/take-decision.handler.js';
import { decisionProblemMapper } from './decisions/http/decision-problem.mapper.js';
import { DecisionsController, ProjectsController } from './decisions/http/decisions.controller.js';
import { PortfolioController } from './decisions/http/portfolio.controller.js';
import { PortfolioProject } from './decisions/read-models/portfolio-project.entity.js';
import { PortfolioProjectScore } from './decisions/read-models/portfolio-project-score.entity.js';
import { PortfolioProjectsProjection } from './decisions/read-models/portfolio-projects.projection.js';
import { PortfolioScoresProjection } from './decisions/read-models/portfolio-scores.projection.js';
import { GateRulesModule } from './gate-rules/gate-rules.module.js';
import { GovernanceModule } from './governance.module.js';
import { MeetingsAgendasModule } from './meetings-agendas.module.js';

/**
 * Portfolio projects and the decisions forums take on them: the portfolio-entry process manager, decisions at
 * meetings (committing pool money for funding approvals), the project and decision views, and the portfolio views
 * (`portfolio_projects` read model: the directors' portfolio, and each forum's).
 */
@Module({
  imports: [CqrsModule, ProjectionsModule, TypeOrmModule.forFeature([PortfolioProject, PortfolioProjectScore]), GovernanceModule, GateRulesModule, MeetingsAgendasModule, ProblemModule.forFeature(decisionProblemMapper)],
  controllers: [DecisionsController, ProjectsController, PortfolioController],
  providers: [TakeDecisionHandler, ...PROJECT_QUERY_HANDLERS, DecisionBasisLoader, ForumPortfolioReader, ForumPortfolioPages],
})
export class DecisionsModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRuntime,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.projections.register(new PortfolioEntryProcess(this.store));
    this.projections.register(new PortfolioProjectsProjection());
    this.projections.register(new PortfolioScoresProjection());
  }
}
