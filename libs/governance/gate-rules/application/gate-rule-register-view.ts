import type { RecordedEvent } from '../../../event-store/index.js';
import { GateRuleRegisterEventType, ruleSetInForce, type GateRuleSet, type GateRuleSetAdoptedData } from '../../domain/decisions/index.js';
import { GOVERNANCE_TIME_ZONE } from '../../forums/application/calendar-day.js';
import type { LoadedGateRuleRegister } from './gate-rule-register.reader.js';

/** One rule set as the API shows it: the set, and who adopted it when and why (null for the built-in default). */
export interface GateRuleSetView extends GateRuleSet {
  readonly builtIn: boolean;
  readonly adoptedAt: string | null;
  readonly adoptedBy: string | null;
  readonly reason: string | null;
  readonly link: string;
}

/** An organisation's gate rules: every set with its version, and the one in force today. */
export interface GateRuleRegisterView {
  readonly organisationId: string;
  /** The calendar "today" and every effective date are read in. */
  readonly timeZone: typeof GOVERNANCE_TIME_ZONE;
  readonly today: string;
  /** The version of the set in force today. */
  readonly inForceToday: number;
  /** Oldest first; the built-in default is version 1. */
  readonly ruleSets: readonly GateRuleSetView[];
  /** The stream version: the ETag, and the If-Match of the next adoption. */
  readonly version: number;
}

export const gateRulesPath = (organisationId: string) => `/v1/organisations/${organisationId}/gate-rules`;

export function gateRuleRegisterView(organisationId: string, register: LoadedGateRuleRegister, today: string): GateRuleRegisterView {
  const adoptions = new Map(
    register.events
      .filter((event) => event.type === GateRuleRegisterEventType.Adopted)
      .map((event) => [(event.data as GateRuleSetAdoptedData).version, event] as const),
  );
  const ruleSets = register.ruleSets.map((set) => ruleSetView(organisationId, set, adoptions.get(set.version) ?? null));
  return {
    organisationId,
    timeZone: GOVERNANCE_TIME_ZONE,
    today,
    inForceToday: ruleSetInForce(register.ruleSets, today).version,
    ruleSets,
    version: register.version,
  };
}

function ruleSetView(organisationId: string, set: GateRuleSet, adoption: RecordedEvent | null): GateRuleSetView {
  const { version, effectiveFrom, gates } = set;
  return {
    version,
    effectiveFrom,
    gates,
    builtIn: adoption === null,
    adoptedAt: adoption?.recordedAt.toISOString() ?? null,
    adoptedBy: adoption?.metadata.actor.subject ?? null,
    reason: adoption?.metadata.reason ?? null,
    link: `${gateRulesPath(organisationId)}/${version}`,
  };
}
