import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS, NOT_BLANK } from './limits.js';

export class WithdrawProposalRequest {
  @ApiProperty({ maxLength: LIMITS.reason, example: 'Covered by the national solution' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.reason)
  reason: string;
}
