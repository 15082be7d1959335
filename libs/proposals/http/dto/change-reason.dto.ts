import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS, NOT_BLANK } from './limits.js';

/** Why the caller makes this change; recorded in the event's metadata and shown in the history. */
export class ChangeReasonRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.reason, example: 'Updated after the department meeting' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.reason)
  reason?: string;
}
