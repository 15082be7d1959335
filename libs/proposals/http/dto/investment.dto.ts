import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS } from './limits.js';
import { MoneyDto } from './money.dto.js';

/** The expected investment, split into development and operations. */
export class InvestmentDto {
  @ApiPropertyOptional({ type: () => MoneyDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  developmentCost?: MoneyDto | null;

  @ApiPropertyOptional({ type: () => MoneyDto, nullable: true, description: 'Per year; same currency as development' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  yearlyOperationsCost?: MoneyDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.longText,
    description: 'What software and hardware it buys',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  softwareAndHardware?: string | null;
}

/** Development and implementation resources the area provides itself. */
export class OwnResourcesDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.longText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longText)
  description?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: LIMITS.hours })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.hours)
  hours?: number | null;
}
