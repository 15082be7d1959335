import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROJECT_POSITIONS, PROJECT_STAGES } from '../../../domain/decisions/index.js';
import { PORTFOLIO_SORTS, type PortfolioSort } from '../../read-models/portfolio-list.query.js';

/** A normalised score: 0..100 with at most two decimals. */
const SCORE_PATTERN = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

/** A score that matched SCORE_PATTERN, in hundredths, exactly (no floating point). */
export function scoreHundredths(score: string): number {
  const [whole, fraction = ''] = score.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

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

  @ApiPropertyOptional({ description: 'Only projects scored at least this (normalised 0..100, up to two decimals, e.g. "62.5")', example: '62.50' })
  @IsOptional()
  @IsString()
  @Matches(SCORE_PATTERN, { message: 'minScore must be a decimal from 0 to 100 with at most two decimals' })
  minScore?: string;

  @ApiPropertyOptional({ description: 'Only projects scored at most this (normalised 0..100, up to two decimals)', example: '80' })
  @IsOptional()
  @IsString()
  @Matches(SCORE_PATTERN, { message: 'maxScore must be a decimal from 0 to 100 with at most two decimals' })
  maxScore?: string;

  @ApiPropertyOptional({ enum: PORTFOLIO_SORTS, default: 'title', description: 'score: highest first by default; unscored projects last either way' })
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
