import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../governance/http/calendar-date.validator.js';
import { PageCursor, PageLimit, toInteger } from '../../../platform/index.js';
import { CURRENCIES, type Currency } from '../../../shared-kernel/money.js';
import { ALLOCATION_BASES, MAX_PARTIES, type AllocationBasis } from '../../domain/index.js';

const PARTY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const NOT_BLANK = /\S/;

export class KeyPartyDto {
  @ApiProperty({ example: 'gentofte', description: 'Who shares the cost: a member organisation, a department, `central`' })
  @IsString()
  @Matches(PARTY_ID, { message: 'partyId must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)' })
  partyId: string;

  @ApiPropertyOptional({ example: 'Gentofte Kommune', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    example: 75_000,
    minimum: 0,
    description:
      "The party's figure in the key's basis: inhabitants (whole), FTE (two decimals), usage units (whole), percent (two " +
      'decimals, adding up to 100). Absent for an equal split.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  quantity?: number;
}

export class KeyTermsDto {
  @ApiProperty({ example: '2027-01-01', description: 'The day these figures take effect; they hold until later terms take over' })
  @IsCalendarDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ example: 'Danmarks Statistik FOLK1A, 1 January 2027', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;

  @ApiProperty({ type: () => [KeyPartyDto], minItems: 1, maxItems: MAX_PARTIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => KeyPartyDto)
  parties: KeyPartyDto[];
}

export class DefineCostAllocationKeyRequest {
  @ApiProperty({ example: 'Velfærdsteknologi: pr. indbygger', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ALLOCATION_BASES, description: 'equal parts, per inhabitant, by FTE, by usage, or custom percentages' })
  @IsIn(ALLOCATION_BASES)
  basis: AllocationBasis;

  @ApiProperty({ type: () => KeyTermsDto, description: 'The first figures' })
  @IsDefined()
  @ValidateNested()
  @Type(() => KeyTermsDto)
  terms: KeyTermsDto;
}

export class SplitParams {
  @ApiProperty({ example: 259_000_000, description: 'The amount to split, in minor units (øre)' })
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ enum: CURRENCIES, example: 'DKK' })
  @IsIn(CURRENCIES)
  currency: Currency;

  @ApiProperty({ example: '2027-06-30', description: 'The day whose terms split it' })
  @IsCalendarDate()
  on: string;
}

export class ListCostAllocationKeysParams {
  @ApiPropertyOptional({ enum: ALLOCATION_BASES })
  @IsOptional()
  @IsIn(ALLOCATION_BASES)
  basis?: AllocationBasis;

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}
