import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsInt, IsISO8601, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { PageLimit } from '../../../platform/index.js';

export class ListDigestsParams {
  @PageLimit(100, 20)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9]\d{0,15}$/, { message: 'cursor must be a cursor returned by this list' })
  cursor?: string;
}

/** A digest as GET /v1/integrity/digests/latest answered it, kept outside the system and given back to verify. */
export class KeptDigestDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  sequence: number;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  recordedAt: string;

  @ApiProperty({ example: 'system' })
  @IsString()
  recordedBy: string;

  @ApiProperty({ example: '1234.5678', description: 'The log position it covers (commit.prepare)' })
  @Matches(/^\d{1,20}\.\d{1,20}$/, { message: 'position must be a log position (commit.prepare)' })
  position: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  streams: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  events: number;

  @ApiProperty({ description: 'SHA-256 of canonicalHeads, 64 lower-case hex digits' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'digest must be 64 lower-case hex digits' })
  digest: string;

  @ApiProperty({ enum: ['SHA-256'] })
  @Equals('SHA-256')
  algorithm: 'SHA-256';

  @ApiProperty({ description: 'JSON array of [streamId, version, hash], ordered by the stream id\'s UTF-8 bytes' })
  @IsString()
  canonicalHeads: string;
}

export class VerifyEventLogRequest {
  @ApiPropertyOptional({
    type: () => KeptDigestDto,
    description: 'A digest kept outside the system; without it the heads are checked against the latest recorded digest.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => KeptDigestDto)
  digest?: KeptDigestDto;
}
