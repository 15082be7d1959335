import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageCursor, PageLimit, commaList } from '../../../../platform/index.js';
import { MEETING_STATUSES } from '../../read-models/meeting-list.query.js';
import { ISO_DATE } from './limits.js';

export class ListMeetingsParams {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Meetings starting on or after this local date' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Meetings starting on or before this local date' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Only these statuses (comma-separated or repeated).', enum: MEETING_STATUSES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsIn(MEETING_STATUSES, { each: true })
  @ArrayMaxSize(3)
  status?: string[];

  @PageLimit(200, 100)
  limit?: number;

  @PageCursor()
  cursor?: string;
}
