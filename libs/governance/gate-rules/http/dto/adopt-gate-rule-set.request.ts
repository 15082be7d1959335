import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { isScoreDecimal } from '../../../domain/decisions/index.js';
import { ForumMoneyDto } from '../../../forums/http/dto/forum-setup.dto.js';
import { IsCalendarDate } from '../../../http/calendar-date.validator.js';
import { GOVERNANCE_LIMITS, NOT_BLANK } from '../../../http/limits.js';

/** A weighted score "0.00".."100.00" with exactly two decimals. */
function IsScoreDecimal(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isScoreDecimal',
      validator: {
        validate: (value: unknown) => isScoreDecimal(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a score from "0.00" to "100.00" with two decimals`,
      },
    },
    options,
  );
}

/** What a project must show to pass one gate; a rule left out is not required. */
export class GateRuleDto {
  @ApiPropertyOptional({ description: 'The agenda pack must show a weighted score for the proposal' })
  @IsOptional()
  @IsBoolean()
  requiresScoring?: boolean;

  @ApiPropertyOptional({ example: '50.00', description: 'The lowest weighted score ("0.00".."100.00") that passes; implies scoring' })
  @IsOptional()
  @IsScoreDecimal()
  minimumWeightedScore?: string;

  @ApiPropertyOptional({ type: () => ForumMoneyDto, nullable: true, description: 'An approval committing more than this needs a business case; null: never' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ForumMoneyDto)
  maximumAmountWithoutBusinessCase?: ForumMoneyDto | null;

  @ApiPropertyOptional({ description: 'A benefit owner must be named' })
  @IsOptional()
  @IsBoolean()
  requiresBenefitOwner?: boolean;
}

const gate = (description: string) => [
  ApiPropertyOptional({ type: () => GateRuleDto, description }),
  IsOptional(),
  IsObject(),
  ValidateNested(),
  Type(() => GateRuleDto),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

/** The rules per gate (move from one stage to the next); a gate left out has no rules. Any other key is refused. */
export class GatesDto {
  @apply(gate('idea to analysis'))
  'idea->analysis'?: GateRuleDto;

  @apply(gate('analysis to execution: the funding approval'))
  'analysis->execution'?: GateRuleDto;

  @apply(gate('execution to realisation'))
  'execution->realisation'?: GateRuleDto;

  @apply(gate('realisation to closed'))
  'realisation->closed'?: GateRuleDto;
}

export class AdoptGateRuleSetRequest {
  @ApiProperty({ example: '2027-01-01', description: 'The first day in force (Europe/Copenhagen calendar): today or later, and not before the latest set' })
  @IsString()
  @IsCalendarDate({ message: 'effectiveFrom must be a calendar date YYYY-MM-DD' })
  effectiveFrom: string;

  @ApiProperty({ type: () => GatesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GatesDto)
  gates: GatesDto;

  @ApiPropertyOptional({ maxLength: GOVERNANCE_LIMITS.reason, example: 'The directorate raised the bar for funding on 3 November' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(GOVERNANCE_LIMITS.reason)
  reason?: string;
}

/** `?on=YYYY-MM-DD`: the day to read the set in force on; absent: today. */
export class GateRulesOnParams {
  @ApiPropertyOptional({ example: '2027-03-01' })
  @IsOptional()
  @IsString()
  @IsCalendarDate({ message: 'on must be a calendar date YYYY-MM-DD' })
  on?: string;
}
