import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MEETING_STATUSES } from '../../read-models/meeting-list.query.js';
import { ISO_DATE } from './limits.js';

/** `?status=scheduled,held` and `?status=scheduled&status=held` both mean "either". */
const commaList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

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

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a cursor returned by this list' })
  cursor?: string;
}
