/**
 * An organisation's gate rules over time (one stream per organisation, `gate-rules-{organisationId}`): the sets it
 * adopted, each with the day it takes effect. The built-in default (version 1, from 2000-01-01) is always the first
 * set, so an organisation that adopted none is judged by it and the first adopted set is version 2. A set never takes
 * effect before today nor before the set adopted last, so the set in force on any day already begun never changes:
 * a decision is judged by, and records, the rules that were in force on its meeting day.
 */
import type { NewEvent } from '../../../event-store/port/index.js';
import { isCalendarDate, type IsoDate } from '../forums/calendar-date.js';
import { GateRuleSetBackdated, InvalidGateRuleAdoption } from './errors.js';
import { DEFAULT_GATE_RULE_SET, gatesProblem, normaliseGates, type GateRuleSet } from './gate-rules.js';

export const GateRuleRegisterCommandType = { Adopt: 'AdoptGateRuleSet' } as const;

export interface AdoptGateRuleSet {
  readonly type: typeof GateRuleRegisterCommandType.Adopt;
  readonly data: {
    readonly organisationId: string;
    readonly effectiveFrom: IsoDate;
    readonly gates: GateRuleSet['gates'];
    /** Today in the organisation's calendar: the earliest day a set may take effect. */
    readonly today: IsoDate;
  };
}

export type GateRuleRegisterCommand = AdoptGateRuleSet;

export const GateRuleRegisterEventType = { Adopted: 'GateRuleSetAdopted' } as const;

export interface GateRuleSetAdoptedData {
  readonly organisationId: string;
  /** 2 for the first adopted set (the default is 1), then one more each time. */
  readonly version: number;
  readonly effectiveFrom: IsoDate;
  /** Normalised: known fields only, transitions in lifecycle order. */
  readonly gates: GateRuleSet['gates'];
}

export type GateRuleSetAdopted = Pick<NewEvent<typeof GateRuleRegisterEventType.Adopted, GateRuleSetAdoptedData>, 'type' | 'data'>;
export type GateRuleRegisterEvent = GateRuleSetAdopted;

export interface GateRuleRegisterState {
  /** The sets adopted, in order of adoption (and so of version and of effective date). */
  readonly adopted: readonly GateRuleSet[];
}

export function initialGateRuleRegister(): GateRuleRegisterState {
  return { adopted: [] };
}

/** Every set the organisation's decisions may be judged by: the default, then the adopted ones. */
export function gateRuleSetsOf(state: GateRuleRegisterState): readonly GateRuleSet[] {
  return [DEFAULT_GATE_RULE_SET, ...state.adopted];
}

export function decideGateRuleRegister(command: GateRuleRegisterCommand, state: GateRuleRegisterState): GateRuleRegisterEvent[] {
  const { organisationId, effectiveFrom, gates, today } = command.data;
  if (typeof organisationId !== 'string' || organisationId.trim() === '') throw new InvalidGateRuleAdoption('organisationId', 'must not be empty');
  if (!isCalendarDate(today)) throw new InvalidGateRuleAdoption('today', 'must be a date YYYY-MM-DD');
  if (!isCalendarDate(effectiveFrom)) throw new InvalidGateRuleAdoption('effectiveFrom', 'must be a date YYYY-MM-DD that exists');
  const problem = gatesProblem(gates);
  if (problem !== null) throw new InvalidGateRuleAdoption(problem.field, problem.reason);
  if (effectiveFrom < today) throw new GateRuleSetBackdated(effectiveFrom, today, 'before_today');
  const latest = state.adopted.at(-1) ?? DEFAULT_GATE_RULE_SET;
  // the same day as the latest set is allowed: a correction, which takes over as the higher version
  if (effectiveFrom < latest.effectiveFrom) throw new GateRuleSetBackdated(effectiveFrom, latest.effectiveFrom, 'before_latest_set');
  return [
    {
      type: GateRuleRegisterEventType.Adopted,
      data: { organisationId, version: latest.version + 1, effectiveFrom, gates: normaliseGates(gates) },
    },
  ];
}

export function evolveGateRuleRegister(state: GateRuleRegisterState, event: GateRuleRegisterEvent): GateRuleRegisterState {
  switch (event.type) {
    case GateRuleRegisterEventType.Adopted: {
      const { version, effectiveFrom, gates } = event.data;
      return { adopted: [...state.adopted, { version, effectiveFrom, gates: normaliseGates(gates) }] };
    }
    default:
      return state;
  }
}

export const gateRuleRegisterDecider = {
  decide: decideGateRuleRegister,
  evolve: evolveGateRuleRegister,
  initialState: initialGateRuleRegister,
};

/** One stream per organisation. */
export const gateRulesStream = (organisationId: string) => `gate-rules-${organisationId}`;
