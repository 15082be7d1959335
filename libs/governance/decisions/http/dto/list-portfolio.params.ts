import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROJECT_POSITIONS, PROJECT_STAGES } from '../../../domain/decisions/index.js';
import { PORTFOLIO_SORTS, type PortfolioSort } from '../../read-models/portfolio-list.query.js';

export class ListPortfolioParams {
  @ApiPropertyOptional({ description: 'Only projects this forum took a decision on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  forumId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  departmentId?: string;

  @ApiPropertyOptional({ enum: PROJECT_STAGES })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  stage?: string;

  @ApiPropertyOptional({ enum: PROJECT_POSITIONS })
  @IsOptional()
  @IsIn(PROJECT_POSITIONS)
  status?: string;

  @ApiPropertyOptional({ enum: PORTFOLIO_SORTS, default: 'title' })
  @IsOptional()
  @IsIn(PORTFOLIO_SORTS)
  sort?: PortfolioSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  direction?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
