import type { DataSource } from 'typeorm';
import type { Currency, Money } from '../../shared-kernel/money.js';
import type { InvestmentArea } from '../domain/index.js';

export interface FundingOverviewQuery {
  readonly organisationId: string;
  readonly forumId?: string;
  readonly fromYear?: number;
  readonly toYear?: number;
}

export interface FundingFigures {
  readonly amount: Money;
  readonly committed: Money;
  readonly paidBack: Money;
  /** amount - committed + paidBack */
  readonly available: Money;
}

export interface FundingByArea extends FundingFigures {
  /** Null: the pools that serve every investment area. */
  readonly investmentArea: InvestmentArea | null;
  readonly pools: number;
}

export interface FundingYear {
  readonly year: number;
  readonly currency: Currency;
  readonly total: FundingFigures;
  readonly areas: readonly FundingByArea[];
}

interface Sums {
  year: number;
  investment_area: InvestmentArea | null;
  currency: Currency;
  pools: number;
  amount: string;
  committed: string;
  paid_back: string;
}

function figures(currency: Currency, amount: number, committed: number, paidBack: number): FundingFigures {
  const money = (amountMinor: number): Money => ({ amountMinor, currency });
  return { amount: money(amount), committed: money(committed), paidBack: money(paidBack), available: money(amount - committed + paidBack) };
}

/**
 * The pools' money by year and by investment area (the planning horizon's three areas, and pools for all areas),
 * summed in the database in whole minor units; one entry per year and currency, years ascending.
 */
export async function fundingOverview(dataSource: DataSource, q: FundingOverviewQuery): Promise<FundingYear[]> {
  const where = ['organisation_id = $1'];
  const params: unknown[] = [q.organisationId];
  if (q.forumId !== undefined) where.push(`forum_id = $${params.push(q.forumId)}`);
  if (q.fromYear !== undefined) where.push(`year >= $${params.push(q.fromYear)}`);
  if (q.toYear !== undefined) where.push(`year <= $${params.push(q.toYear)}`);
  const rows: Sums[] = await dataSource.query(
    `SELECT year, investment_area, currency, count(*)::int AS pools,
            sum(amount_minor)::text AS amount, sum(committed_minor)::text AS committed, sum(paid_back_minor)::text AS paid_back
       FROM funding_pools WHERE ${where.join(' AND ')}
      GROUP BY year, currency, investment_area
      ORDER BY year, currency, investment_area NULLS FIRST`,
    params,
  );
  const years = new Map<string, { year: number; currency: Currency; areas: FundingByArea[] }>();
  for (const r of rows) {
    const key = `${r.year}/${r.currency}`;
    const entry = years.get(key) ?? { year: r.year, currency: r.currency, areas: [] };
    years.set(key, entry);
    entry.areas.push({ investmentArea: r.investment_area, pools: r.pools, ...figures(r.currency, Number(r.amount), Number(r.committed), Number(r.paid_back)) });
  }
  return [...years.values()].map(({ year, currency, areas }) => {
    const sum = (pick: (a: FundingByArea) => Money) => areas.reduce((total, a) => total + pick(a).amountMinor, 0);
    return { year, currency, total: figures(currency, sum((a) => a.amount), sum((a) => a.committed), sum((a) => a.paidBack)), areas };
  });
}
