export const CURRENCIES = ['DKK', 'NOK', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** An amount in minor units (øre, cent) as a safe integer: never floating-point money. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: Currency;
}
