import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ISO_DATE, LIMITS, NOT_BLANK } from './limits.js';
import { OptionalNotNull } from './optional-not-null.js';

/** The answers the project criteria read, besides cost and hours. */
export class ScheduleDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'plannedStart must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  plannedStart?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'plannedEnd must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  plannedEnd?: string | null;
}

export class LegalRequirementDto {
  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.listItem, description: 'The statute or rule' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.listItem)
  legalBasis?: string | null;
}

export class CrossDepartmentalDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Declared by the area as cutting across departments' })
  @OptionalNotNull()
  @IsBoolean()
  declared?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.listItems, description: 'Other departments involved' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'departmentIds must not contain blank ids' })
  @MaxLength(LIMITS.identifier, { each: true })
  departmentIds?: string[];
}

export class ComplexityDto {
  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  process?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  organisation?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  systems?: boolean;
}
