import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmptyObject, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ASSESSOR_KINDS, type AssessorKind } from '../../domain/index.js';
import { FORUM_ID, LIMITS } from './limits.js';

const forumIdMessage = { message: 'forumId must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)' };

/** One assessment of a proposal: every criterion of the model version in force, scored. */
export class RecordScoresRequest {
  @ApiProperty({ example: 'herning-steering-group' })
  @IsString()
  @Matches(FORUM_ID, forumIdMessage)
  forumId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  modelId: string;

  @ApiProperty({ example: 1, minimum: 1, description: 'The model version scored against: it must be the version in force' })
  @IsInt()
  @Min(1)
  modelVersion: number;

  @ApiProperty({ enum: ASSESSOR_KINDS, description: 'Who assesses; the assessor is the acting person' })
  @IsIn(ASSESSOR_KINDS)
  assessorKind: AssessorKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { legal_requirement: 5, faces_citizens_or_businesses: 4, gain_for_the_business: 3, expected_economic_gain: 2 },
    description: 'Criterion id -> whole-number score within its scale; every criterion of the version must be scored',
  })
  @IsObject()
  @IsNotEmptyObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: LIMITS.rationale, example: 'Required by the Digital Post act from 2027' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.rationale)
  rationale?: string;
}

export class ScorecardParams {
  @ApiProperty({ example: 'herning-steering-group', description: 'The forum whose scorecard to read' })
  @IsString()
  @Matches(FORUM_ID, forumIdMessage)
  forumId: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Show this model's effective scores even when none were recorded with it" })
  @IsOptional()
  @IsUUID()
  modelId?: string;
}

export class RankingParams {
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the forum's only active model" })
  @IsOptional()
  @IsUUID()
  modelId?: string;
}

export class ListScoringModelsParams {
  @ApiProperty({ example: 'herning-steering-group' })
  @IsString()
  @Matches(FORUM_ID, forumIdMessage)
  forumId: string;
}
