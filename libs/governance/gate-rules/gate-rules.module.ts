import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProblemModule } from '../../platform/index.js';
import { GovernanceModule } from '../governance.module.js';
import { GATE_RULE_COMMAND_HANDLERS } from './application/gate-rule-command.handlers.js';
import { GATE_RULE_QUERY_HANDLERS } from './application/gate-rule-queries.js';
import { GateRuleRegisterReader } from './application/gate-rule-register.reader.js';
import { gateRulesProblemMapper } from './http/gate-rules-problem.mapper.js';
import { GateRulesController } from './http/gate-rules.controller.js';

/**
 * Each organisation's gate rule sets (`gate-rules-{organisationId}`), adopted with an effective date. Read straight
 * from the stream, no read model: one short stream per organisation, and decisions must see an adoption at once.
 * Exports the reader the decisions are judged with.
 */
@Module({
  imports: [CqrsModule, GovernanceModule, ProblemModule.forFeature(gateRulesProblemMapper)],
  controllers: [GateRulesController],
  providers: [...GATE_RULE_COMMAND_HANDLERS, ...GATE_RULE_QUERY_HANDLERS, GateRuleRegisterReader],
  exports: [GateRuleRegisterReader],
})
export class GateRulesModule {}
