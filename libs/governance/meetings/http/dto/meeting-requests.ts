import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ISO_DATE, MEETING_LIMITS, NOT_BLANK, WALL_CLOCK_TIME } from './limits.js';

/** Generates the rule's meetings for local dates in [from, to], both inclusive; repeating a period adds nothing. */
export class ScheduleMeetingsRequest {
  @ApiProperty({ example: '2026-01-01' })
  @IsString()
  @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsString()
  @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

/** An extra meeting outside the rule. */
export class AddMeetingRequest {
  @ApiProperty({ example: '2026-07-14', description: 'Local date' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '10:00', description: 'Local start, 24-hour HH:MM' })
  @IsString()
  @Matches(WALL_CLOCK_TIME, { message: 'time must be a 24-hour time HH:MM' })
  time: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: "Defaults to the rule's duration, else 120" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 'Europe/Copenhagen', description: "Defaults to the rule's zone, else Europe/Copenhagen" })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.timeZone)
  timeZone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MEETING_LIMITS.reason, example: 'Budget follow-up' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LIMITS.reason)
  reason?: string | null;
}

/** Moves a meeting to another local date and time in its own zone. */
export class MoveMeetingRequest {
  @ApiProperty({ example: '2026-03-10' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '09:00' })
  @IsString()
  @Matches(WALL_CLOCK_TIME, { message: 'time must be a 24-hour time HH:MM' })
  time: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: 'Kept unless given' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @ApiProperty({ maxLength: MEETING_LIMITS.reason, example: 'The chair is away' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(MEETING_LIMITS.reason)
  reason: string;
}

export class CancelMeetingRequest {
  @ApiProperty({ maxLength: MEETING_LIMITS.reason, example: 'Nothing to decide' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(MEETING_LIMITS.reason)
  reason: string;
}
