import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROPOSAL_SORT_FIELDS, type ProposalSortField } from '../read-models/proposal-list.query.js';

const STATUSES = ['draft', 'submitted', 'withdrawn'] as const;

/** `?status=draft,submitted` and `?status=draft&status=submitted` both mean "either". */
const commaList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

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

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a cursor returned by this list' })
  cursor?: string;
}

export class GetProposalParams {
  @ApiPropertyOptional({ description: 'The proposal as it stood at this version of its stream.', minimum: 1 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  asOfVersion?: number;
}
