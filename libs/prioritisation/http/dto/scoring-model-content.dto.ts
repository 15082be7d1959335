import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LIMITS, NOT_BLANK, SCORING_MODEL_TEMPLATES, type ScoringModelTemplate } from './limits.js';

export class CriterionScaleDto {
  @ApiProperty({ example: 1, description: 'Lowest score, a whole number' })
  @IsInt()
  min: number;

  @ApiProperty({ example: 5, description: 'Highest (best) score, a whole number' })
  @IsInt()
  max: number;
}

export class CriterionDto {
  @ApiProperty({ example: 'legal_requirement', maxLength: LIMITS.criterionId, description: 'Lower-case letters, digits, `_`; the key in score maps' })
  @IsString()
  @MaxLength(LIMITS.criterionId)
  id: string;

  @ApiProperty({ example: 'Lovkrav', maxLength: LIMITS.label })
  @IsString()
  @Matches(NOT_BLANK, { message: 'label must not be blank' })
  @MaxLength(LIMITS.label)
  label: string;

  @ApiPropertyOptional({ example: 'Projektet er et lovkrav. 5: loven kræver det.', maxLength: LIMITS.description, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 1000, description: 'A positive whole number: the share is weight / sum of weights' })
  @IsInt()
  weight: number;

  @ApiProperty({ type: () => CriterionScaleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionScaleDto)
  scale: CriterionScaleDto;
}

export class MandatoryCriterionDto {
  @ApiProperty({ example: 'legal_requirement' })
  @IsString()
  @MaxLength(LIMITS.criterionId)
  criterionId: string;

  @ApiProperty({ example: 5, description: 'A score at least this high on the criterion makes the proposal mandatory' })
  @IsInt()
  minimumScore: number;
}

/**
 * A model's content: either a template (`herning_default`: Herning's four criteria, 1 to 5, equal weights, a
 * legal-requirement score of 5 is mandatory), optionally renamed, or the name and criteria in full.
 */
export class ScoringModelContentDto {
  @ApiPropertyOptional({ enum: SCORING_MODEL_TEMPLATES, description: 'Start from a template instead of giving the criteria' })
  @IsOptional()
  @IsIn(SCORING_MODEL_TEMPLATES)
  template?: ScoringModelTemplate;

  @ApiPropertyOptional({ maxLength: LIMITS.name, example: 'Herning: vigtige projekter', description: 'Required without a template' })
  @ValidateIf((o: ScoringModelContentDto) => o.template === undefined || o.name !== undefined)
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ type: () => [CriterionDto], description: 'Required without a template; the order is the tie-break order' })
  @ValidateIf((o: ScoringModelContentDto) => o.template === undefined || o.criteria !== undefined)
  @IsArray()
  @ArrayMaxSize(LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiPropertyOptional({ type: () => MandatoryCriterionDto, nullable: true, description: 'Absent or null: no score makes a proposal mandatory' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MandatoryCriterionDto)
  mandatoryCriterion?: MandatoryCriterionDto | null;
}
