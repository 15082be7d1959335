import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadAggregate, type EventStore, type RecordedEvent } from '../../../event-store/index.js';
import { gateRuleRegisterDecider, gateRuleSetsOf, gateRulesStream, type GateRuleSet } from '../../domain/decisions/index.js';

export interface LoadedGateRuleRegister {
  /** The default first, then every adopted set in order of version. */
  readonly ruleSets: readonly GateRuleSet[];
  /** The stream version (0 while nothing was adopted): the register's ETag. */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads an organisation's gate rule sets straight from its stream, for the decisions that are judged by them and
 * for the API: always current, so a decision right after an adoption is judged by the rules just adopted.
 */
@Injectable()
export class GateRuleRegisterReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(organisationId: string): Promise<LoadedGateRuleRegister> {
    const loaded = await loadAggregate(this.store, gateRuleRegisterDecider, gateRulesStream(organisationId));
    return { ruleSets: gateRuleSetsOf(loaded.state), version: loaded.version, events: loaded.events };
  }
}
