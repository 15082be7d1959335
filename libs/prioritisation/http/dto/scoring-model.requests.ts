import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FORUM_ID, LIMITS, NOT_BLANK } from './limits.js';
import { ScoringModelContentDto } from './scoring-model-content.dto.js';

export class DefineScoringModelRequest extends ScoringModelContentDto {
  @ApiProperty({ example: 'herning-steering-group', maxLength: LIMITS.identifier, description: 'The forum whose model this is' })
  @IsString()
  @Matches(FORUM_ID, { message: 'forumId must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)' })
  forumId: string;
}

/** Replaces the whole content with a new version; the forum stays. */
export class ReviseScoringModelRequest extends ScoringModelContentDto {
  @ApiPropertyOptional({ maxLength: LIMITS.reason, example: 'Economic gain weighs triple from 2027' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.reason)
  reason?: string;
}

export class RetireScoringModelRequest {
  @ApiProperty({ maxLength: LIMITS.reason, example: 'Replaced by the joint model of the collaboration' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.reason)
  reason: string;
}
