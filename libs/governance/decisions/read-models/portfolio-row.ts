import type { Currency, Money } from '../../../shared-kernel/money.js';
import { STAGE_AFTER, isEnded, type ProjectPosition, type ProjectStage } from '../../domain/decisions/index.js';
import type { LastDecision, PortfolioProject } from './portfolio-project.entity.js';

/** A project as the portfolio views list it, with the link to its decision history. */
export interface PortfolioRow {
  readonly proposalId: string;
  readonly title: string;
  readonly departmentId: string;
  readonly stage: string | null;
  readonly status: string | null;
  readonly developmentCost: Money | null;
  readonly operationsCost: Money | null;
  /** What the proposal asks of a pool: its development cost (the pool never funds operations). */
  readonly requestedAmount: Money | null;
  readonly committed: Money;
  /** The next move, `from->to`; null once the project has ended. */
  readonly nextGate: string | null;
  readonly forumIds: readonly string[];
  readonly lastDecision: LastDecision | null;
  readonly link: string;
}

export function toPortfolioRow(row: PortfolioProject): PortfolioRow {
  const currency = (row.currency ?? 'DKK') as Currency;
  const money = (amountMinor: number | null): Money | null => (amountMinor === null ? null : { amountMinor, currency });
  const developmentCost = money(row.developmentCostMinor);
  return {
    proposalId: row.proposalId,
    title: row.title,
    departmentId: row.departmentId,
    stage: row.stage,
    status: row.status,
    developmentCost,
    operationsCost: money(row.operationsCostMinor),
    requestedAmount: developmentCost,
    committed: { amountMinor: row.committedMinor, currency },
    nextGate: nextGateOf(row.stage, row.status),
    forumIds: row.forumIds,
    lastDecision: row.lastDecision,
    link: `/v1/projects/${row.proposalId}`,
  };
}

function nextGateOf(stage: string | null, status: string | null): string | null {
  if (stage === null || status === null || stage === 'closed' || isEnded(status as ProjectPosition)) return null;
  return `${stage}->${STAGE_AFTER[stage as Exclude<ProjectStage, 'closed'>]}`;
}
