import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { FORUM_KINDS } from '../../../domain/forums/index.js';
import { IsCalendarDate } from '../../../http/calendar-date.validator.js';
import { FORUM_SORT_FIELDS, type ForumSortField } from '../../read-models/forum-list.query.js';

/** `?kind=board,steering_group` and `?kind=board&kind=steering_group` both mean "either". */
const commaList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

export class ListForumsParams {
  @ApiPropertyOptional({ description: 'Only these kinds (comma-separated or repeated).', enum: FORUM_KINDS, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsIn(FORUM_KINDS, { each: true })
  @ArrayMaxSize(10)
  kind?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the forums set up by this forum.' })
  @IsOptional()
  @IsUUID()
  parentForumId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day memberCount counts members on; default today (Copenhagen).' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ enum: Object.keys(FORUM_SORT_FIELDS), default: 'name' })
  @IsOptional()
  @IsIn(Object.keys(FORUM_SORT_FIELDS))
  sort?: ForumSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: A to Z for names, newest first for establishedAt' })
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

export class ForumMembersParams {
  @ApiPropertyOptional({ format: 'date', description: 'The day asked about (YYYY-MM-DD); default today (Copenhagen).' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
