import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INVESTMENT_AREAS, type InvestmentArea } from '../../../../proposals/domain/proposal-form.js';
import { CURRENCIES, type Currency } from '../../../../shared-kernel/money.js';
import { DECISION_KINDS, DECISION_METHODS, type DecisionKind, type DecisionMethod } from '../../../domain/forums/index.js';
import { GOVERNANCE_LIMITS, NOT_BLANK, SLUG, SLUG_MESSAGE } from '../../../http/limits.js';

/** Money in minor units (øre, cent): a whole number, never a float. */
export class ForumMoneyDto {
  @ApiProperty({ description: 'Amount in minor units (øre, cent), a whole number', example: 200_000_000, minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ enum: CURRENCIES, example: 'DKK' })
  @IsIn(CURRENCIES)
  currency: Currency;
}

/** Why the caller makes this change; recorded in the event's metadata. */
export class ForumChangeReasonRequest {
  @ApiPropertyOptional({ maxLength: GOVERNANCE_LIMITS.reason, example: 'Decided by the directorate on 3 March' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.reason)
  reason?: string;
}

/** A forum's mandate (kommissorium), given whole: every field is required, so nothing is widened by omission. */
export class ForumMandateDto extends ForumChangeReasonRequest {
  @ApiProperty({ enum: DECISION_KINDS, isArray: true, description: 'The decisions the forum may take; empty: advisory only' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(DECISION_KINDS, { each: true })
  decisionKinds: DecisionKind[];

  @ApiProperty({ enum: INVESTMENT_AREAS, isArray: true, description: 'Empty: every investment area' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(INVESTMENT_AREAS, { each: true })
  investmentAreas: InvestmentArea[];

  @ApiProperty({ type: String, isArray: true, description: 'Departments of the organisation; empty: every department', example: [] })
  @IsArray()
  @ArrayMaxSize(GOVERNANCE_LIMITS.departments)
  @IsString({ each: true })
  @Matches(SLUG, { each: true, message: `each of departmentIds ${SLUG_MESSAGE}` })
  departmentIds: string[];

  @ApiProperty({ type: () => ForumMoneyDto, nullable: true, description: 'The most an approval may commit; null: no limit' })
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsDefined({ message: 'maximumAmount must be given: an amount, or null for no limit' })
  @IsObject()
  @ValidateNested()
  @Type(() => ForumMoneyDto)
  maximumAmount: ForumMoneyDto | null;
}

/** A proportion of two whole numbers, e.g. 2/3. */
export class ForumFractionDto {
  @ApiProperty({ minimum: 1, maximum: 1000, example: 2 })
  @IsInt()
  @Min(1)
  @Max(1000)
  numerator: number;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 3 })
  @IsInt()
  @Min(1)
  @Max(1000)
  denominator: number;
}

/** The fewest voting members who must take part: a count, or a fraction of the voting members on the day. */
export class ForumQuorumDto {
  @ApiProperty({ enum: ['count', 'fraction'] })
  @IsIn(['count', 'fraction'])
  kind: 'count' | 'fraction';

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000, description: 'For kind count' })
  @ValidateIf((o: ForumQuorumDto) => o.kind === 'count')
  @IsInt()
  @Min(1)
  @Max(10_000)
  count?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'For kind fraction' })
  @ValidateIf((o: ForumQuorumDto) => o.kind === 'fraction')
  @IsInt()
  @Min(1)
  @Max(1000)
  numerator?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'For kind fraction' })
  @ValidateIf((o: ForumQuorumDto) => o.kind === 'fraction')
  @IsInt()
  @Min(1)
  @Max(1000)
  denominator?: number;
}

/** How the forum decides. */
export class ForumDecisionRuleDto extends ForumChangeReasonRequest {
  @ApiProperty({ enum: DECISION_METHODS, example: 'simple_majority' })
  @IsIn(DECISION_METHODS)
  kind: DecisionMethod;

  @ApiPropertyOptional({ type: () => ForumFractionDto, description: 'For qualified_majority: more than 1/2, at most 1' })
  @ValidateIf((o: ForumDecisionRuleDto) => o.kind === 'qualified_majority')
  @IsDefined({ message: 'threshold is required for a qualified majority' })
  @IsObject()
  @ValidateNested()
  @Type(() => ForumFractionDto)
  threshold?: ForumFractionDto;

  @ApiProperty({ type: () => ForumQuorumDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ForumQuorumDto)
  quorum: ForumQuorumDto;
}
