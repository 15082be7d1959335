import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type EventStore } from '../../../event-store/index.js';
import { GateRuleRegisterCommandType, gateRuleRegisterDecider, gateRuleSetsOf, gateRulesStream } from '../../domain/decisions/index.js';
import { calendarDay } from '../../forums/application/calendar-day.js';
import { OrganisationReader } from '../../organisations/application/organisation-reader.js';
import { AdoptGateRuleSetCommand, type AdoptGateRuleSetResult } from './gate-rule-commands.js';
import { gateRuleRegisterView } from './gate-rule-register-view.js';

/**
 * Adopts a gate rule set on the organisation's register. "Today", the earliest day a set may take effect, is the
 * calendar day in Europe/Copenhagen (the organisations served are Danish and Norwegian; Oslo keeps the same day).
 */
@CommandHandler(AdoptGateRuleSetCommand)
export class AdoptGateRuleSetHandler implements ICommandHandler<AdoptGateRuleSetCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organisations: OrganisationReader,
  ) {}

  async execute(c: AdoptGateRuleSetCommand): Promise<AdoptGateRuleSetResult> {
    await this.organisations.load(c.organisationId);
    const today = calendarDay();
    const result = await handleCommand(
      this.store,
      gateRuleRegisterDecider,
      gateRulesStream(c.organisationId),
      { type: GateRuleRegisterCommandType.Adopt, data: { organisationId: c.organisationId, effectiveFrom: c.effectiveFrom, gates: c.gates, today } },
      { metadata: c.metadata, expectedVersion: c.expectedVersion },
    );
    const events = await this.store.readStream(gateRulesStream(c.organisationId), { toVersion: result.version });
    const register = gateRuleRegisterView(c.organisationId, { ruleSets: gateRuleSetsOf(result.state), version: result.version, events }, today);
    return { register, adoptedVersion: register.ruleSets.at(-1)!.version, position: result.append?.lastPosition ?? null };
  }
}

export const GATE_RULE_COMMAND_HANDLERS = [AdoptGateRuleSetHandler];
