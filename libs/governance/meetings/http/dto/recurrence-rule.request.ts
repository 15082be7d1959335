import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RECURRENCE_FREQUENCIES, type DayRule, type RecurrenceRuleInput } from '../../../domain/meetings/index.js';
import { ISO_DATE, MEETING_LIMITS, WALL_CLOCK_TIME } from './limits.js';

const DAY_RULE_KINDS = ['nth_weekday', 'day_of_month'] as const;

/** Which day of the month: the n-th (or last, -1) weekday, or a fixed day from 1 to 28. */
export class DayRuleDto {
  @ApiProperty({ enum: DAY_RULE_KINDS, example: 'nth_weekday' })
  @IsIn(DAY_RULE_KINDS)
  kind: (typeof DAY_RULE_KINDS)[number];

  @ApiPropertyOptional({ enum: [1, 2, 3, 4, -1], example: 1, description: 'nth_weekday: 1 to 4, or -1 for the last' })
  @ValidateIf((o: DayRuleDto) => o.kind === 'nth_weekday' || o.n !== undefined)
  @IsIn([1, 2, 3, 4, -1])
  n?: 1 | 2 | 3 | 4 | -1;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, example: 2, description: 'nth_weekday: ISO weekday, 1 = Monday ... 7 = Sunday' })
  @ValidateIf((o: DayRuleDto) => o.kind === 'nth_weekday' || o.weekday !== undefined)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, description: 'day_of_month: the day, 1 to 28' })
  @ValidateIf((o: DayRuleDto) => o.kind === 'day_of_month' || o.day !== undefined)
  @IsInt()
  @Min(1)
  @Max(28)
  day?: number;
}

/** When a forum meets, e.g. Herning's steering group: monthly, first Tuesday, 14:00 Europe/Copenhagen, except July. */
export class RecurrenceRuleRequest {
  @ApiProperty({ enum: RECURRENCE_FREQUENCIES, example: 'monthly' })
  @IsIn(RECURRENCE_FREQUENCIES)
  frequency: (typeof RECURRENCE_FREQUENCIES)[number];

  @ApiProperty({ type: () => DayRuleDto })
  @ValidateNested()
  @Type(() => DayRuleDto)
  dayRule: DayRuleDto;

  @ApiProperty({ example: '14:00', description: 'Local start, 24-hour HH:MM' })
  @IsString()
  @Matches(WALL_CLOCK_TIME, { message: 'time must be a 24-hour time HH:MM' })
  time: string;

  @ApiPropertyOptional({ example: 'Europe/Copenhagen', default: 'Europe/Copenhagen', description: 'An IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.timeZone)
  timeZone?: string;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 120 })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({ type: [Number], example: [7], description: 'Months (1..12) without a meeting' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  exceptMonths?: number[];

  @ApiPropertyOptional({ type: [Number], nullable: true, example: [3, 6, 9, 12], description: 'Quarterly: one month in each quarter' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  quarterMonths?: number[] | null;

  @ApiProperty({ example: '2026-01-01', description: 'First local date the rule applies' })
  @IsString()
  @Matches(ISO_DATE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: 'Last local date the rule applies' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string | null;
}

export function toRecurrenceRuleInput(body: RecurrenceRuleRequest): RecurrenceRuleInput {
  const dayRule: DayRule =
    body.dayRule.kind === 'nth_weekday'
      ? { kind: 'nth_weekday', n: body.dayRule.n!, weekday: body.dayRule.weekday! }
      : { kind: 'day_of_month', day: body.dayRule.day! };
  return {
    frequency: body.frequency,
    dayRule,
    time: body.time,
    ...(body.timeZone !== undefined && { timeZone: body.timeZone }),
    durationMinutes: body.durationMinutes,
    ...(body.exceptMonths !== undefined && { exceptMonths: body.exceptMonths }),
    ...(body.quarterMonths !== undefined && { quarterMonths: body.quarterMonths }),
    startDate: body.startDate,
    ...(body.endDate !== undefined && { endDate: body.endDate }),
  };
}
