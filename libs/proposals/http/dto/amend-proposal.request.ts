import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS, NOT_BLANK } from './limits.js';
import { OptionalNotNull } from './optional-not-null.js';
import { ProposalFormFieldsDto } from './proposal-form-fields.dto.js';

/**
 * Amends a proposal. Only the answers sent change: sections merge field by field, lists and other answers are
 * replaced whole, and `null` clears a nullable answer.
 */
export class AmendProposalRequest extends ProposalFormFieldsDto {
  @ApiPropertyOptional({ type: String, maxLength: LIMITS.title })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(LIMITS.title)
  title?: string;

  @ApiPropertyOptional({ type: String, maxLength: LIMITS.identifier })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'departmentId must not be blank' })
  @MaxLength(LIMITS.identifier)
  departmentId?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.reason, description: 'Why the proposal is amended; kept in its history.' })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.reason)
  reason?: string;
}
