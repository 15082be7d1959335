import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS, NOT_BLANK } from './limits.js';
import { ProposalFormFieldsDto } from './proposal-form-fields.dto.js';

/** Drafts a proposal: a title and a department are enough; every other answer may follow by amendment. */
export class CreateProposalRequest extends ProposalFormFieldsDto {
  @ApiProperty({ maxLength: LIMITS.title, example: 'Digital mail for citizens' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(LIMITS.title)
  title: string;

  @ApiProperty({ maxLength: LIMITS.identifier, example: 'citizen-service', description: 'The proposing department' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'departmentId must not be blank' })
  @MaxLength(LIMITS.identifier)
  departmentId: string;
}
