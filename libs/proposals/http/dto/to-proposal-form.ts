import type { DraftProposalForm, Money, Person, ProjectLeader, ProposalFormPatch } from '../../domain/index.js';
import type { AmendProposalRequest } from './amend-proposal.request.js';
import type { CreateProposalRequest } from './create-proposal.request.js';
import type { MoneyDto } from './money.dto.js';
import type { PersonDto, ProjectLeaderDto } from './people.dto.js';
import type { ProposalFormFieldsDto } from './proposal-form-fields.dto.js';

/**
 * Validated requests as domain values: plain objects only (no DTO instances reach the events),
 * `undefined` (not sent) dropped and `null` (clear) kept, as the domain's merge semantics expect.
 */
export function toDraftProposalForm(request: CreateProposalRequest): DraftProposalForm {
  return { ...toFormFields(request), title: request.title, departmentId: request.departmentId };
}

export function toProposalFormPatch(request: AmendProposalRequest): ProposalFormPatch {
  return definedOnly({ ...toFormFields(request), title: request.title, departmentId: request.departmentId });
}

function toFormFields(r: ProposalFormFieldsDto): ProposalFormPatch {
  return definedOnly<ProposalFormPatch>({
    summary: r.summary,
    need: r.need ? definedOnly({ oneYear: r.need.oneYear, multiYear: r.need.multiYear }) : undefined,
    investment: r.investment
      ? definedOnly({
          developmentCost: toMoney(r.investment.developmentCost),
          yearlyOperationsCost: toMoney(r.investment.yearlyOperationsCost),
          softwareAndHardware: r.investment.softwareAndHardware,
        })
      : undefined,
    users: r.users,
    businessValue: r.businessValue
      ? definedOnly({ expected: r.businessValue.expected, businessGoals: copy(r.businessValue.businessGoals) })
      : undefined,
    ownResources: r.ownResources
      ? definedOnly({ description: r.ownResources.description, hours: r.ownResources.hours })
      : undefined,
    crossCutting: r.crossCutting
      ? definedOnly({ solutions: copy(r.crossCutting.solutions), integrations: copy(r.crossCutting.integrations) })
      : undefined,
    systemOwner: r.systemOwner ? definedOnly({ person: toPerson(r.systemOwner.person) }) : undefined,
    projectLeadership: r.projectLeadership?.map(toProjectLeader),
    schedule: r.schedule
      ? definedOnly({ plannedStart: r.schedule.plannedStart, plannedEnd: r.schedule.plannedEnd })
      : undefined,
    estimatedHours: r.estimatedHours,
    legalRequirement: r.legalRequirement
      ? definedOnly({ required: r.legalRequirement.required, legalBasis: r.legalRequirement.legalBasis })
      : undefined,
    crossDepartmental: r.crossDepartmental
      ? definedOnly({ declared: r.crossDepartmental.declared, departmentIds: copy(r.crossDepartmental.departmentIds) })
      : undefined,
    complexity: r.complexity
      ? definedOnly({
          process: r.complexity.process,
          organisation: r.complexity.organisation,
          systems: r.complexity.systems,
        })
      : undefined,
    investmentArea: r.investmentArea,
  });
}

function toMoney(dto: MoneyDto | null | undefined): Money | null | undefined {
  return dto ? { amountMinor: dto.amountMinor, currency: dto.currency } : dto;
}

function toPerson(dto: PersonDto | null | undefined): Person | null | undefined {
  return dto ? { name: dto.name, email: dto.email } : dto;
}

function toProjectLeader(dto: ProjectLeaderDto): ProjectLeader {
  return { person: { name: dto.person.name, email: dto.person.email }, role: dto.role };
}

function copy(list: readonly string[] | undefined): string[] | undefined {
  return list ? [...list] : undefined;
}

function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
