import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../../event-store/index.js';
import type { GateRuleSet } from '../../domain/decisions/index.js';
import type { GateRuleRegisterView } from './gate-rule-register-view.js';

export interface AdoptGateRuleSetResult {
  readonly register: GateRuleRegisterView;
  /** The version of the set adopted. */
  readonly adoptedVersion: number;
  readonly position: LogPosition | null;
}

/** Adopts a rule set for the organisation from `effectiveFrom` (today or later, and not before the last set). */
export class AdoptGateRuleSetCommand extends Command<AdoptGateRuleSetResult> {
  constructor(
    readonly organisationId: string,
    readonly effectiveFrom: string,
    readonly gates: GateRuleSet['gates'],
    /** The register version the caller saw (If-Match); undefined for `If-Match: *`. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
