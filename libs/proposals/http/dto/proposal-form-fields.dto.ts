import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INVESTMENT_AREAS, type InvestmentArea } from '../../domain/index.js';
import { InvestmentDto, OwnResourcesDto } from './investment.dto.js';
import { LIMITS } from './limits.js';
import { BusinessValueDto, CrossCuttingDto, NeedDto } from './narrative.dto.js';
import { OptionalNotNull } from './optional-not-null.js';
import { ProjectLeaderDto, SystemOwnerDto } from './people.dto.js';
import { ComplexityDto, CrossDepartmentalDto, LegalRequirementDto, ScheduleDto } from './project-criteria.dto.js';

/**
 * The answers of the proposal form that both creating and amending accept, all optional: a draft may be incomplete.
 * Field names and nesting mirror the domain's ProposalForm, so error paths read the same at both layers.
 * `null` clears a nullable answer; sections and lists cannot be null.
 */
export abstract class ProposalFormFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  summary?: string | null;

  @ApiPropertyOptional({ type: () => NeedDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => NeedDto)
  need?: NeedDto;

  @ApiPropertyOptional({ type: () => InvestmentDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => InvestmentDto)
  investment?: InvestmentDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText, description: 'Who the users are' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  users?: string | null;

  @ApiPropertyOptional({ type: () => BusinessValueDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => BusinessValueDto)
  businessValue?: BusinessValueDto;

  @ApiPropertyOptional({ type: () => OwnResourcesDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => OwnResourcesDto)
  ownResources?: OwnResourcesDto;

  @ApiPropertyOptional({ type: () => CrossCuttingDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CrossCuttingDto)
  crossCutting?: CrossCuttingDto;

  @ApiPropertyOptional({ type: () => SystemOwnerDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => SystemOwnerDto)
  systemOwner?: SystemOwnerDto;

  @ApiPropertyOptional({ type: () => [ProjectLeaderDto], maxItems: LIMITS.projectLeadership })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.projectLeadership)
  @ValidateNested({ each: true })
  @Type(() => ProjectLeaderDto)
  projectLeadership?: ProjectLeaderDto[];

  @ApiPropertyOptional({ type: () => ScheduleDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: LIMITS.hours })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.hours)
  estimatedHours?: number | null;

  @ApiPropertyOptional({ type: () => LegalRequirementDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => LegalRequirementDto)
  legalRequirement?: LegalRequirementDto;

  @ApiPropertyOptional({ type: () => CrossDepartmentalDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CrossDepartmentalDto)
  crossDepartmental?: CrossDepartmentalDto;

  @ApiPropertyOptional({ type: () => ComplexityDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ComplexityDto)
  complexity?: ComplexityDto;

  @ApiPropertyOptional({ enum: INVESTMENT_AREAS, nullable: true })
  @IsOptional()
  @IsIn(INVESTMENT_AREAS)
  investmentArea?: InvestmentArea | null;
}
