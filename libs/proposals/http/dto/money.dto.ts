import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CURRENCIES, type Currency } from '../../domain/index.js';

export class MoneyDto {
  @ApiProperty({
    description: 'Amount in minor units (øre, cent), a whole number',
    example: 50_000_000,
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;

  @ApiProperty({ enum: CURRENCIES, example: 'DKK' })
  @IsIn(CURRENCIES)
  currency: Currency;
}
