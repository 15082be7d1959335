import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageCursor, PageLimit, commaList, toInteger } from '../../platform/index.js';
import { PROPOSAL_SORT_FIELDS, type ProposalSortField } from '../read-models/proposal-list.query.js';

const STATUSES = ['draft', 'submitted', 'withdrawn'] as const;

export class ListProposalsParams {
  @ApiPropertyOptional({ description: 'Only these statuses (comma-separated or repeated).', enum: STATUSES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsIn(STATUSES, { each: true })
  @ArrayMaxSize(10)
  status?: string[];

  @ApiPropertyOptional({ description: 'Only these departments (comma-separated or repeated).', isArray: true, type: String })
  @IsOptional()
  @Transform(commaList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(50)
  departmentId?: string[];

  @ApiPropertyOptional({ enum: ['portfolio_project', 'ordinary_operations'] })
  @IsOptional()
  @IsIn(['portfolio_project', 'ordinary_operations'])
  classification?: string;

  @ApiPropertyOptional({ enum: Object.keys(PROPOSAL_SORT_FIELDS), default: 'createdAt' })
  @IsOptional()
  @IsIn(Object.keys(PROPOSAL_SORT_FIELDS))
  sort?: ProposalSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  direction?: 'asc' | 'desc';

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class GetProposalParams {
  @ApiPropertyOptional({ description: 'The proposal as it stood at this version of its stream.', minimum: 1 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  asOfVersion?: number;
}
