import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageCursor, PageLimit, commaList } from '../../../../platform/index.js';
import { FORUM_KINDS } from '../../../domain/forums/index.js';
import { IsCalendarDate } from '../../../http/calendar-date.validator.js';
import { FORUM_SORT_FIELDS, type ForumSortField } from '../../read-models/forum-list.query.js';

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

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class ForumMembersParams {
  @ApiPropertyOptional({ format: 'date', description: 'The day asked about (YYYY-MM-DD); default today (Copenhagen).' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
