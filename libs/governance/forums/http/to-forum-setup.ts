import { InvalidForum, type DecisionRule, type Mandate } from '../../domain/forums/index.js';
import type { ForumDecisionRuleDto, ForumMandateDto, ForumMoneyDto } from './dto/forum-setup.dto.js';

type MandateFields = Omit<ForumMandateDto, 'reason'>;
type DecisionRuleFields = Omit<ForumDecisionRuleDto, 'reason'>;

const money = (m: ForumMoneyDto) => ({ amountMinor: m.amountMinor, currency: m.currency });

/** The mandate as the domain takes it, from a validated request. */
export function toMandate(dto: MandateFields): Mandate {
  return {
    decisionKinds: [...dto.decisionKinds],
    investmentAreas: [...dto.investmentAreas],
    departmentIds: [...dto.departmentIds],
    maximumAmount: dto.maximumAmount === null ? null : money(dto.maximumAmount),
  };
}

/** The decision rule as the domain takes it; the domain keeps only the fields of its kind. */
export function toDecisionRule(dto: DecisionRuleFields): DecisionRule {
  const q = dto.quorum;
  const quorum =
    q.kind === 'count' ? { kind: 'count' as const, count: q.count! } : { kind: 'fraction' as const, numerator: q.numerator!, denominator: q.denominator! };
  if (dto.kind === 'qualified_majority') {
    return { kind: dto.kind, threshold: { numerator: dto.threshold!.numerator, denominator: dto.threshold!.denominator }, quorum };
  }
  return { kind: dto.kind, quorum };
}

/**
 * The domain names fields from its command's data (`mandate.departmentIds.0`); a request whose body *is* the mandate
 * calls it `departmentIds.0`. Rebases InvalidForum's field onto the body.
 */
export async function withFieldsRelativeTo<T>(prefix: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof InvalidForum && error.field.startsWith(`${prefix}.`)) {
      throw new InvalidForum(error.field.slice(prefix.length + 1), error.reason);
    }
    throw error;
  }
}
