import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from './limits.js';
import { OptionalNotNull } from './optional-not-null.js';

/** The area's IT needs on two horizons. */
export class NeedDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  oneYear?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  multiYear?: string | null;
}

export class BusinessValueDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  expected?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: LIMITS.listItems,
    description: 'The business goals the proposal argues from',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  @MaxLength(LIMITS.listItem, { each: true })
  businessGoals?: string[];
}

/** Wishes for cross-cutting solutions and integrations. */
export class CrossCuttingDto {
  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.listItems })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  @MaxLength(LIMITS.listItem, { each: true })
  solutions?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.listItems })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  @MaxLength(LIMITS.listItem, { each: true })
  integrations?: string[];
}
