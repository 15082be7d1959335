import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageCursor, PageLimit, commaList } from '../../platform/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../application/audit-export.js';

const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_MESSAGE = (field: string) => `${field} must be a time with a zone, e.g. 2027-03-01T12:00:00+01:00`;

/** The audit filters; all are ANDed, and the organisation is always the acting one. */
export class AuditFilterParams {
  @ApiPropertyOptional({ description: 'Only this stream (e.g. proposal-{id}, project-{proposalId}, funding-pool-{id}).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stream?: string;

  @ApiPropertyOptional({ description: "Only events caused by this actor (the subject recorded in the event's metadata)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Only these event types (comma-separated or repeated), e.g. DecisionTaken.', isArray: true, type: String })
  @IsOptional()
  @Transform(commaList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(20)
  type?: string[];

  @ApiPropertyOptional({ description: "Only events about this forum: its own, its calendar's, its models', scores', pools' and decisions'." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  forum?: string;

  @ApiPropertyOptional({ description: 'Only events of this correlation id (one request and everything it caused).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after this time (with a zone).', example: '2027-01-01T00:00:00+01:00' })
  @IsOptional()
  @IsString()
  @Matches(ZONED_TIME, { message: TIME_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded before this time (with a zone).', example: '2028-01-01T00:00:00+01:00' })
  @IsOptional()
  @IsString()
  @Matches(ZONED_TIME, { message: TIME_MESSAGE('to') })
  to?: string;
}

export class ListAuditEventsParams extends AuditFilterParams {
  @PageLimit(1000, 100)
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class ExportAuditEventsParams extends AuditFilterParams {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
