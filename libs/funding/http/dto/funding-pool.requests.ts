import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageCursor, PageLimit, toInteger } from '../../../platform/index.js';
import { CURRENCIES, type Currency } from '../../../shared-kernel/money.js';
import { COST_KINDS, INVESTMENT_AREAS, MAX_YEAR, MIN_YEAR, type CostKind, type InvestmentArea } from '../../domain/index.js';

/** A forum's id (a UUID, or a readable slug), a decision's or a commitment's: letters, digits, `_ . : -`. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const identifier = (field: string) => ({ message: `${field} must be 1 to 100 letters, digits or _ . : - (starting with a letter or digit)` });
const NOT_BLANK = /\S/;
const REASON_MAX = 2_000;

/** An optional forum filter of a query string. */
export const ForumIdFilter = () =>
  applyDecorators(ApiPropertyOptional({ example: 'herning-steering-group' }), IsOptional(), IsString(), Matches(IDENTIFIER, identifier('forumId')));

/** An optional year of a query string, from MIN_YEAR to MAX_YEAR. */
export const YearFilter = (example: number) => applyDecorators(ApiPropertyOptional({ example }), IsOptional(), Transform(toInteger), IsInt(), Min(MIN_YEAR), Max(MAX_YEAR));

export class MoneyDto {
  @ApiProperty({ description: 'Amount in minor units (øre), a whole number', example: 1_000_000_000, minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ enum: CURRENCIES, example: 'DKK' })
  @IsIn(CURRENCIES)
  currency: Currency;
}

export class EstablishFundingPoolRequest {
  @ApiProperty({ example: 'herning-steering-group', description: 'The forum that administers the pool' })
  @IsString()
  @Matches(IDENTIFIER, identifier('forumId'))
  forumId: string;

  @ApiProperty({ example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @ApiProperty({ example: 'Udviklingspuljen 2027', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: () => MoneyDto, description: "The year's amount" })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiPropertyOptional({ enum: INVESTMENT_AREAS, nullable: true, description: 'Absent or null: the pool is for every investment area' })
  @IsOptional()
  @IsIn(INVESTMENT_AREAS)
  investmentArea?: InvestmentArea | null;
}

export class AdjustFundingPoolRequest {
  @ApiProperty({ type: () => MoneyDto, description: "The pool's new amount (not a difference), in its currency; never below what is committed" })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ example: 'Budget agreement 2027: the pool is cut by DKK 2m', maxLength: REASON_MAX })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_MAX)
  reason: string;
}

export class CommitFundingRequest {
  @ApiPropertyOptional({ example: 'c7f1c2a4-1b9e-4d2f-9a7e-3c1d5e6f7a8b', description: 'Your id for the commitment, so a retry commits once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('commitmentId'))
  commitmentId?: string;

  @ApiProperty({ format: 'uuid', description: 'The proposal the money is for' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'proposalId must be a UUID' })
  proposalId: string;

  @ApiProperty({ example: 'decision-2027-03-14-7', description: 'The decision that commits the money' })
  @IsString()
  @Matches(IDENTIFIER, identifier('decisionId'))
  decisionId: string;

  @ApiProperty({ type: () => MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ enum: COST_KINDS, description: '`operations` is refused: the pool funds development only' })
  @IsIn(COST_KINDS)
  costKind: CostKind;
}

export class ReleaseCommitmentRequest {
  @ApiPropertyOptional({ example: 'Project cancelled by the steering group', maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_MAX)
  reason?: string;
}

export class ListFundingPoolsParams {
  @ForumIdFilter()
  forumId?: string;

  @YearFilter(2027)
  year?: number;

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}
