import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../../governance/http/calendar-date.validator.js';
import { PageCursor, PageLimit } from '../../../platform/index.js';
import { MAX_BENEFICIARIES, MAX_PAYBACK_YEARS, MAX_SHARE_BASIS_POINTS, MAX_YEAR, MIN_YEAR } from '../../domain/index.js';
import type { PaybackTermsRequest } from '../../application/payback-agreement-commands.js';
import { ForumIdFilter, IDENTIFIER, identifier, MoneyDto, YearFilter } from './funding-pool.requests.js';

export class BeneficiaryDto {
  @ApiProperty({ example: 'technical-and-environment', description: 'The party that harvests the gain: a department, the other departments together, a member' })
  @IsString()
  @Matches(IDENTIFIER, identifier('partyId'))
  partyId: string;

  @ApiProperty({ type: () => MoneyDto, description: "The expected saving per year in this party, in the pool's currency (DKK 200,000 = 20000000 øre)" })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  yearlySavings: MoneyDto;
}

/** The terms of a payback agreement (efficiency principle): who saves how much a year, and what share comes back. */
export class PaybackTermsDto {
  @ApiProperty({ type: () => [BeneficiaryDto], minItems: 1, maxItems: MAX_BENEFICIARIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BENEFICIARIES)
  @ValidateNested({ each: true })
  @Type(() => BeneficiaryDto)
  beneficiaries: BeneficiaryDto[];

  @ApiProperty({ example: 5000, minimum: 1, maximum: MAX_SHARE_BASIS_POINTS, description: 'The share of the harvested gain paid back, in basis points (5000 = 50 %)' })
  @IsInt()
  @Min(1)
  @Max(MAX_SHARE_BASIS_POINTS)
  shareBasisPoints: number;

  @ApiPropertyOptional({ example: 2028, description: "Year 1, the first year with savings; absent: the year after the pool's year" })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  firstYear?: number;

  @ApiProperty({ example: 3, minimum: 1, maximum: MAX_PAYBACK_YEARS, description: 'For how many years; the schedule stops earlier when the amount invested is paid back' })
  @IsInt()
  @Min(1)
  @Max(MAX_PAYBACK_YEARS)
  years: number;

  @ApiPropertyOptional({ example: '12-31', description: 'MM-DD: the day of each year its installments fall due (default 12-31)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}-\d{2}$/, { message: 'dueMonthDay must be MM-DD' })
  dueMonthDay?: string;
}

export class ConcludePaybackAgreementRequest extends PaybackTermsDto {
  @ApiProperty({ example: 'decision-2027-03-7', description: 'The commitment the pool made (for an approval: the decision id); also the agreement id' })
  @IsString()
  @Matches(IDENTIFIER, identifier('commitmentId'))
  commitmentId: string;
}

/** The terms as the funding commands take them. */
export function paybackTermsOf(body: PaybackTermsDto): PaybackTermsRequest {
  return {
    beneficiaries: body.beneficiaries.map((b) => ({ partyId: b.partyId, yearlySavings: b.yearlySavings })),
    shareBasisPoints: body.shareBasisPoints,
    firstYear: body.firstYear ?? null,
    years: body.years,
    dueMonthDay: body.dueMonthDay ?? null,
  };
}

export class RecordPaybackPaymentRequest {
  @ApiPropertyOptional({ example: 'tm-2028-invoice-17', description: 'Your id for the payment, so a retry records it once; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(IDENTIFIER, identifier('paymentId'))
  paymentId?: string;

  @ApiProperty({ example: 'technical-and-environment', description: 'The beneficiary that pays' })
  @IsString()
  @Matches(IDENTIFIER, identifier('partyId'))
  partyId: string;

  @ApiProperty({ example: 2028, description: 'The year of the installment it pays' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @ApiProperty({ type: () => MoneyDto, description: 'At most what the installment still owes' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ example: '2028-12-15', description: 'The day the money reached the pool' })
  @IsCalendarDate()
  paidOn: string;
}

export class AsOfParams {
  @ApiPropertyOptional({ example: '2029-01-15', description: 'Judge what is overdue on this day (installments due before it); default today in Copenhagen' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class OverduePaybacksParams extends AsOfParams {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'poolId must be a UUID' })
  poolId?: string;
}

export class ListPaybackAgreementsParams {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'poolId must be a UUID' })
  poolId?: string;

  @ApiPropertyOptional({ enum: ['active', 'ended'] })
  @IsOptional()
  @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';

  @PageLimit(100, 20)
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class FundingOverviewParams {
  @ForumIdFilter()
  forumId?: string;

  @YearFilter(2027)
  fromYear?: number;

  @YearFilter(2030)
  toYear?: number;
}
