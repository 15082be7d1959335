import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ruleSetInForce } from '../../domain/decisions/index.js';
import { calendarDay } from '../../forums/application/calendar-day.js';
import { OrganisationReader } from '../../organisations/application/organisation-reader.js';
import { GateRuleRegisterReader } from './gate-rule-register.reader.js';
import { gateRuleRegisterView, type GateRuleRegisterView, type GateRuleSetView } from './gate-rule-register-view.js';

/** The organisation has no rule set with this version. */
export class GateRuleSetNotFound extends Error {
  constructor(
    readonly organisationId: string,
    readonly version: number,
  ) {
    super(`organisation ${organisationId} has no gate rule set version ${version}`);
    this.name = 'GateRuleSetNotFound';
  }
}

export class GetGateRulesQuery extends Query<GateRuleRegisterView> {
  constructor(readonly organisationId: string) {
    super();
  }
}

export class GetGateRuleSetQuery extends Query<GateRuleSetView> {
  constructor(
    readonly organisationId: string,
    readonly version: number,
  ) {
    super();
  }
}

export interface GateRuleSetInForceView {
  /** The day asked about (today in Europe/Copenhagen when none was named). */
  readonly on: string;
  readonly ruleSet: GateRuleSetView;
  /** The register version the answer was read at. */
  readonly version: number;
}

export class GetGateRuleSetInForceQuery extends Query<GateRuleSetInForceView> {
  constructor(
    readonly organisationId: string,
    /** YYYY-MM-DD; undefined: today. */
    readonly on: string | undefined,
  ) {
    super();
  }
}

/** The register as the API shows it; OrganisationNotFound (404) for an organisation that is not registered. */
async function registerOf(organisations: OrganisationReader, reader: GateRuleRegisterReader, organisationId: string): Promise<GateRuleRegisterView> {
  await organisations.load(organisationId);
  return gateRuleRegisterView(organisationId, await reader.load(organisationId), calendarDay());
}

@QueryHandler(GetGateRulesQuery)
export class GetGateRulesHandler implements IQueryHandler<GetGateRulesQuery> {
  constructor(
    private readonly organisations: OrganisationReader,
    private readonly reader: GateRuleRegisterReader,
  ) {}

  execute(q: GetGateRulesQuery) {
    return registerOf(this.organisations, this.reader, q.organisationId);
  }
}

@QueryHandler(GetGateRuleSetQuery)
export class GetGateRuleSetHandler implements IQueryHandler<GetGateRuleSetQuery> {
  constructor(
    private readonly organisations: OrganisationReader,
    private readonly reader: GateRuleRegisterReader,
  ) {}

  async execute(q: GetGateRuleSetQuery): Promise<GateRuleSetView> {
    const register = await registerOf(this.organisations, this.reader, q.organisationId);
    const set = register.ruleSets.find((candidate) => candidate.version === q.version);
    if (!set) throw new GateRuleSetNotFound(q.organisationId, q.version);
    return set;
  }
}

@QueryHandler(GetGateRuleSetInForceQuery)
export class GetGateRuleSetInForceHandler implements IQueryHandler<GetGateRuleSetInForceQuery> {
  constructor(
    private readonly organisations: OrganisationReader,
    private readonly reader: GateRuleRegisterReader,
  ) {}

  async execute(q: GetGateRuleSetInForceQuery): Promise<GateRuleSetInForceView> {
    const register = await registerOf(this.organisations, this.reader, q.organisationId);
    const on = q.on ?? register.today;
    // NoGateRuleSetInForce (422) before the default's first day
    const { version } = ruleSetInForce(register.ruleSets, on);
    return { on, ruleSet: register.ruleSets.find((set) => set.version === version)!, version: register.version };
  }
}

export const GATE_RULE_QUERY_HANDLERS = [GetGateRulesHandler, GetGateRuleSetHandler, GetGateRuleSetInForceHandler];
