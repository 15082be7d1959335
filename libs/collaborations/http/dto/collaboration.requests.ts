import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../../funding/http/dto/funding-pool.requests.js';
import { SLUG, SLUG_MESSAGE } from '../../../governance/http/limits.js';
import { PageCursor, PageLimit, toInteger } from '../../../platform/index.js';
import { CURRENCIES, type Currency } from '../../../shared-kernel/money.js';
import {
  COST_KEYS,
  FEE_SCHEME_KINDS,
  FIGURE_KINDS,
  LEGAL_FORMS,
  MAX_HOURS,
  MAX_YEAR,
  MIN_YEAR,
  PROJECT_KINDS,
  type CostKey,
  type FeeSchemeKind,
  type FigureKind,
  type LegalForm,
  type ProjectKind,
} from '../../domain/index.js';

/** Ids callers choose for projects, costs and entries of hours, and forum ids: letters, digits, `_ . : -`. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const identifier = (field: string) => ({ message: `${field} must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)` });
const NOT_BLANK = /\S/;
const TEXT_MAX = 2_000;
const NAME_MAX = 200;

/** An organisation's id, as the organisations context has it (`gentofte`). */
const OrganisationId = (description: string) => (target: object, key: string) => {
  ApiProperty({ example: 'gentofte', description, pattern: SLUG.source })(target, key);
  IsString()(target, key);
  Matches(SLUG, { message: `${key} ${SLUG_MESSAGE}` })(target, key);
};

/** A calendar day, `YYYY-MM-DD`, that exists (2027-02-30 does not). */
const CalendarDay = (description: string, required = true) => (target: object, key: string) => {
  (required ? ApiProperty : ApiPropertyOptional)({ example: '2027-01-01', format: 'date', description })(target, key);
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${key} must be a date, YYYY-MM-DD` })(target, key);
  IsISO8601({ strict: true }, { message: `${key} must be a date that exists` })(target, key);
  if (!required) IsOptional()(target, key);
};

const OptionalText = (example: string) => (target: object, key: string) => {
  ApiPropertyOptional({ example, maxLength: TEXT_MAX })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  Matches(NOT_BLANK, { message: `${key} must not be blank` })(target, key);
  MaxLength(TEXT_MAX)(target, key);
};

const Amount = (description: string) => (target: object, key: string) => {
  ApiProperty({ type: () => MoneyDto, description })(target, key);
  IsDefined()(target, key);
  ValidateNested()(target, key);
  Type(() => MoneyDto)(target, key);
};

export class EstablishCollaborationRequest {
  @ApiProperty({ example: '4K', maxLength: NAME_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(NAME_MAX)
  name: string;

  @ApiProperty({ enum: LEGAL_FORMS, description: 'agreement (with a steering group), association (forening), jointly owned company (60-selskab)' })
  @IsIn(LEGAL_FORMS)
  legalForm: LegalForm;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'DKK', description: 'Every amount of the collaboration is in this currency' })
  @IsOptional()
  @IsIn(CURRENCIES)
  currency?: Currency;
}

export class JoinCollaborationRequest {
  @OrganisationId('A registered organisation')
  organisationId: string;

  @CalendarDay('Its first day as a member')
  joinedOn: string;
}

export class LeaveCollaborationRequest {
  @CalendarDay('The first day it is no longer a member')
  leftOn: string;

  @OptionalText('Council decision of 12 March')
  reason?: string;
}

export class ReferenceForumRequest {
  @ApiProperty({ example: '4k-steering-group', description: 'A forum of the administering organisation' })
  @IsString()
  @Matches(IDENTIFIER, identifier('forumId'))
  forumId: string;
}

export class SetFeeSchemeRequest {
  @ApiProperty({ enum: FEE_SCHEME_KINDS, description: 'per_inhabitant (SBSYS: DKK 9), fixed_per_half_year (OS2: DKK 8,000), by_size or by_usage (a yearly budget split)' })
  @IsIn(FEE_SCHEME_KINDS)
  kind: FeeSchemeKind;

  @Amount('The rate per inhabitant a year, the fee per half-year, or the yearly budget to split, by kind')
  amount: MoneyDto;

  @ApiProperty({ example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR, description: 'The first calendar year the scheme applies to' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  effectiveFromYear: number;
}

export class RecordFigureRequest {
  @OrganisationId('A member (present or past)')
  organisationId: string;

  @ApiProperty({ enum: FIGURE_KINDS, description: 'inhabitants (latest official population figure) or usage_units' })
  @IsIn(FIGURE_KINDS)
  kind: FigureKind;

  @ApiProperty({ example: 75_000, minimum: 0, maximum: 1_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  value: number;

  @CalendarDay('The day from which the figure is in force')
  effectiveFrom: string;
}

export class SetHourlyRateRequest {
  @Amount('Per hour, set by the general assembly to cover actual cost including overhead')
  rate: MoneyDto;

  @CalendarDay('The day from which the rate is in force (hours worked from then on are valued at it)')
  effectiveFrom: string;
}

export class RegisterProjectRequest {
  @ApiPropertyOptional({ example: 'byggesag-uden-vaegge', description: 'Your id for the project, so a retry registers it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('projectId'))
  projectId?: string;

  @ApiProperty({ example: 'Byggesagsbehandlingscenter uden vægge', maxLength: NAME_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(NAME_MAX)
  name: string;

  @ApiProperty({ enum: PROJECT_KINDS, description: 'joint: every member unless it opts out; voluntary: only those that opt in' })
  @IsIn(PROJECT_KINDS)
  kind: ProjectKind;

  @ApiPropertyOptional({ enum: COST_KEYS, default: 'equal', description: "How costs are split among the participants: equal parts, or by inhabitants" })
  @IsOptional()
  @IsIn(COST_KEYS)
  costKey?: CostKey;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 1_000, default: 1, description: 'Starting with fewer participants is refused' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  minimumParticipants?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The proposal the project came from' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'proposalId must be a UUID' })
  proposalId?: string;
}

export class OptOutRequest {
  @OrganisationId('The member opting out')
  organisationId: string;

  @OptionalText('Gentofte already runs its own solution')
  reason?: string;
}

export class OptInRequest {
  @OrganisationId('The member opting in')
  organisationId: string;
}

export class StartProjectRequest {
  @CalendarDay('The first day of the project')
  startedOn: string;
}

export class RecordCostRequest {
  @ApiPropertyOptional({ example: 'invoice-2027-0042', description: 'Your id for the cost, so a retry records it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('costId'))
  costId?: string;

  @ApiProperty({ example: 'Supplier invoice: sensor platform', maxLength: TEXT_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  @MaxLength(TEXT_MAX)
  description: string;

  @Amount("In the collaboration's currency, at least 1")
  amount: MoneyDto;

  @CalendarDay('When the cost was incurred (its year is the settlement it belongs to)')
  incurredOn: string;

  @OrganisationId('The member that paid it; the settlement reimburses it')
  paidBy: string;
}

export class RecordHoursRequest {
  @ApiPropertyOptional({ example: 'timesheet-2027-w10-gladsaxe', description: 'Your id for the entry, so a retry records it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('entryId'))
  entryId?: string;

  @OrganisationId('The member whose staff delivered the hours')
  organisationId: string;

  @CalendarDay('The day the hours were worked')
  workedOn: string;

  @ApiProperty({ example: 7.5, minimum: 0.01, maximum: MAX_HOURS, description: 'Decimal hours, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_HOURS)
  hours: number;

  @OptionalText('Process workshop with case workers')
  description?: string;
}

export class IssueSettlementRequest {
  @ApiProperty({ example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}

export class OnDateParams {
  @CalendarDay('The day to look at; today (UTC) when absent', false)
  on?: string;
}

export class YearParams {
  @ApiProperty({ example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Transform(toInteger)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}

export class AsOfParams {
  @ApiPropertyOptional({ example: '2028-01-31T12:00:00.000Z', format: 'date-time', description: 'The moment to compute as of, with its time zone; now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be a timestamp with a time zone' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be a timestamp with a time zone' })
  asOf?: string;
}

export class ListCollaborationsParams {
  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}
