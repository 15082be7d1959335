import type { DataSource } from 'typeorm';
import type { Money } from '../../shared-kernel/money.js';
import { PaybackAgreementRow } from './payback-agreement-row.entity.js';

export interface PaybackAgreementListQuery {
  readonly organisationId: string;
  readonly poolId?: string;
  readonly status?: 'active' | 'ended';
  readonly limit: number;
  readonly cursor?: string;
}

export interface PaybackAgreementListPage {
  readonly items: PaybackAgreementRow[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidPaybackAgreementCursor extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidPaybackAgreementCursor';
  }
}

const encode = (id: string) => Buffer.from(JSON.stringify({ id })).toString('base64url');

function decode(cursor: string): string {
  try {
    const { id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id: unknown };
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}\/[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(id)) throw new Error();
    return id;
  } catch {
    throw new InvalidPaybackAgreementCursor();
  }
}

/** The organisation's agreements by pool and commitment: keyset pagination over the row id. */
export async function listPaybackAgreements(dataSource: DataSource, q: PaybackAgreementListQuery): Promise<PaybackAgreementListPage> {
  const qb = dataSource.getRepository(PaybackAgreementRow).createQueryBuilder('a');
  qb.where('a.organisation_id = :org', { org: q.organisationId });
  if (q.poolId !== undefined) qb.andWhere('a.pool_id = :pool', { pool: q.poolId });
  if (q.status !== undefined) qb.andWhere('a.status = :status', { status: q.status });
  if (q.cursor) qb.andWhere('a.id > :after', { after: decode(q.cursor) });
  qb.orderBy('a.id', 'ASC').limit(q.limit + 1);
  const rows = await qb.getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encode(last.id) : null };
}

export interface OverdueInstallment {
  readonly poolId: string;
  readonly commitmentId: string;
  readonly proposalId: string;
  readonly partyId: string;
  readonly year: number;
  readonly dueOn: string;
  readonly amount: Money;
  readonly paid: Money;
  readonly outstanding: Money;
}

/**
 * Installments of active agreements due before `asOf` and not paid in full, oldest due first. The index on the
 * earliest day still owed finds the agreements; their installments say which are overdue.
 */
export async function overdueInstallments(dataSource: DataSource, organisationId: string, asOf: string, poolId?: string): Promise<OverdueInstallment[]> {
  const qb = dataSource.getRepository(PaybackAgreementRow).createQueryBuilder('a');
  qb.where('a.organisation_id = :org', { org: organisationId }).andWhere("a.status = 'active'").andWhere('a.next_due_on < :asOf', { asOf });
  if (poolId !== undefined) qb.andWhere('a.pool_id = :pool', { pool: poolId });
  const rows = await qb.orderBy('a.id', 'ASC').getMany();
  return rows
    .flatMap((a) =>
      a.installments
        .filter((i) => i.dueOn < asOf && i.paidMinor < i.amountMinor)
        .map((i) => {
          const money = (amountMinor: number): Money => ({ amountMinor, currency: a.currency as Money['currency'] });
          return {
            poolId: a.poolId,
            commitmentId: a.commitmentId,
            proposalId: a.proposalId,
            partyId: i.partyId,
            year: i.year,
            dueOn: i.dueOn,
            amount: money(i.amountMinor),
            paid: money(i.paidMinor),
            outstanding: money(i.amountMinor - i.paidMinor),
          };
        }),
    )
    .sort((x, y) => (x.dueOn === y.dueOn ? 0 : x.dueOn < y.dueOn ? -1 : 1));
}
