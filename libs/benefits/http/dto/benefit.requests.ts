import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../../funding/http/dto/funding-pool.requests.js';
import { PersonDto } from '../../../proposals/http/dto/people.dto.js';
import { BENEFIT_KINDS, MAX_DUE_AFTER_DAYS, PERIODICITIES, type BenefitKind, type Periodicity } from '../../domain/index.js';

export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const identifier = (field: string) => ({ message: `${field} must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)` });
const date = (field: string) => ({ message: `${field} must be a date, YYYY-MM-DD` });
const NOT_BLANK = /\S/;
const TEXT_MAX = 2_000;
const VALUE = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

export class BusinessCaseRequest {
  @ApiProperty({ format: 'uuid', description: 'The project (its proposal id) in the portfolio' })
  @IsString()
  @Matches(UUID, { message: 'projectId must be a UUID' })
  projectId: string;

  @ApiProperty({ example: 'steering-group', description: 'The forum that follows the benefits up' })
  @IsString()
  @Matches(IDENTIFIER, identifier('forumId'))
  forumId: string;

  @ApiProperty({ type: () => MoneyDto, description: 'The investment, in minor units (øre); its currency is the case\'s' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment: MoneyDto;

  @ApiProperty({ type: () => MoneyDto, description: 'Expected economic gain a year at full effect' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  expectedYearlyGain: MoneyDto;

  @ApiProperty({ example: 500, description: 'Expected FTE (årsværk) reduction in hundredths: 500 is 5 FTE' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedFteReductionHundredths: number;

  @ApiPropertyOptional({ type: [String], example: ['Mindre sårbarhed', 'Bedre rekruttering'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT_MAX, { each: true })
  qualitativeBenefits?: string[];
}

export class ReviseBusinessCaseRequest {
  @ApiPropertyOptional({ example: 'board' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('forumId'))
  forumId?: string;

  @ApiPropertyOptional({ type: () => MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  investment?: MoneyDto;

  @ApiPropertyOptional({ type: () => MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  expectedYearlyGain?: MoneyDto;

  @ApiPropertyOptional({ example: 500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedFteReductionHundredths?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT_MAX, { each: true })
  qualitativeBenefits?: string[];

  @ApiProperty({ example: 'Updated after the pre-analysis', maxLength: TEXT_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class InvestmentActualRequest {
  @ApiProperty({ type: () => MoneyDto, description: 'What the investment actually cost, in the case\'s currency' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ example: '2014-06-30', description: 'The day the figure is from (not after today)' })
  @IsString()
  @Matches(DATE, date('recordedOn'))
  recordedOn: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;
}

export class OwnerDto {
  @ApiProperty({ type: () => PersonDto, description: 'Personal data, kept as one object' })
  @IsDefined()
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;
}

export class BaselineDto {
  @ApiProperty({ example: 4_000_000_000, description: "In the benefit's value unit", ...VALUE })
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  value: number;

  @ApiProperty({ example: '2012-12-31' })
  @IsString()
  @Matches(DATE, date('on'))
  on: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;
}

export class PlannedValueDto {
  @ApiProperty({ example: '2015', description: 'YYYY, YYYY-Qn or YYYY-MM, as the benefit\'s periodicity says' })
  @IsString()
  @MaxLength(10)
  period: string;

  @ApiProperty({ example: 600_000_000, description: "Planned realisation in the period, in the benefit's value unit", ...VALUE })
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  value: number;
}

export class DefineBenefitRequest {
  @ApiPropertyOptional({ example: 'operations-savings', description: 'Your id for the benefit, so a retry defines it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('benefitId'))
  benefitId?: string;

  @ApiProperty({ example: 'Lavere driftsudgifter', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: BENEFIT_KINDS, description: 'economic: values in øre; fte: hundredths of an FTE; qualitative: an indicator in `unit`' })
  @IsIn(BENEFIT_KINDS)
  kind: BenefitKind;

  @ApiPropertyOptional({ example: '% of calls solved at first contact', maxLength: 100, description: 'Qualitative benefits only' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiProperty({ type: () => OwnerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner: OwnerDto;

  @ApiProperty({ type: () => BaselineDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline: BaselineDto;

  @ApiProperty({ enum: PERIODICITIES })
  @IsIn(PERIODICITIES)
  periodicity: Periodicity;

  @ApiProperty({ type: [PlannedValueDto] })
  @IsArray()
  @ArrayMaxSize(240)
  @ValidateNested({ each: true })
  @Type(() => PlannedValueDto)
  plan: PlannedValueDto[];

  @ApiPropertyOptional({ example: 60, minimum: 0, maximum: MAX_DUE_AFTER_DAYS, description: "Days after a period's end its measurement is due (default 60)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DUE_AFTER_DAYS)
  dueAfterDays?: number;
}

export class AmendBenefitRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: () => OwnerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;

  @ApiPropertyOptional({ type: () => BaselineDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline?: BaselineDto;

  @ApiPropertyOptional({ type: [PlannedValueDto], description: 'Replaces the whole plan' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(240)
  @ValidateNested({ each: true })
  @Type(() => PlannedValueDto)
  plan?: PlannedValueDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_DUE_AFTER_DAYS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DUE_AFTER_DAYS)
  dueAfterDays?: number;

  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(TEXT_MAX)
  reason: string;
}

export class MeasurementRequest {
  @ApiPropertyOptional({ description: 'Your id for the measurement, so a retry records it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('measurementId'))
  measurementId?: string;

  @ApiProperty({ example: '2014', description: 'The period the measurement is about' })
  @IsString()
  @MaxLength(10)
  period: string;

  @ApiProperty({ example: 300_000_000, description: "The realisation in the period, in the benefit's value unit", ...VALUE })
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  value: number;

  @ApiProperty({ example: '2015-02-15', description: 'When it was measured: after the period ended, not after today' })
  @IsString()
  @Matches(DATE, date('measuredOn'))
  measuredOn: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string;

  @ApiPropertyOptional({ description: "A correction: the id of the period's current measurement" })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('corrects'))
  corrects?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Required with corrects' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(TEXT_MAX)
  reason?: string;
}

export class KnownAtParams {
  @ApiPropertyOptional({ example: '2026-11-30T12:00:00+01:00', description: 'As the service knew it at this instant (a timestamp with its offset); absent: now' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  knownAt?: string;
}

export class ReportParams extends KnownAtParams {
  @ApiPropertyOptional({ example: '2016-03-31', description: 'The day the report is as of: periods ended and measurements taken by then; absent: today' })
  @IsOptional()
  @IsString()
  @Matches(DATE, date('asOf'))
  asOf?: string;

  @ApiPropertyOptional({ example: 'steering-group' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('forumId'))
  forumId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  @Matches(UUID, { message: 'projectId must be a UUID' })
  projectId?: string;
}
