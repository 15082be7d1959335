import type { RecordedEvent } from '../../event-store/index.js';
import { FundingPoolSummaryProjection } from '../../funding/read-models/funding-pool-summary.projection.js';
import type { FundingPoolSummary } from '../../funding/read-models/funding-pool-summary.entity.js';
import { MeetingsProjection } from '../../governance/meetings/read-models/meetings.projection.js';
import type { MeetingRow } from '../../governance/meetings/read-models/meeting.entity.js';
import type { PortfolioProject } from '../../governance/decisions/read-models/portfolio-project.entity.js';
import { PortfolioProjectsProjection } from '../../governance/decisions/read-models/portfolio-projects.projection.js';

/** Rows by key, as a projection's table holds them. Plain JSON (a snapshot stores it as it is). */
export type Rows<Row> = Record<string, Row>;

function step<Row>(rows: Rows<Row>, key: string | null, evolve: (current: Row | null) => Row | null): void {
  if (key === null) return;
  const next = evolve(rows[key] ?? null);
  if (next === null) delete rows[key];
  else rows[key] = next;
}

// The live read models' own fold, applied to rows in memory: an answer as of the head is the live view by construction.

export class PortfolioProjectsReplay extends PortfolioProjectsProjection {
  step(rows: Rows<PortfolioProject>, event: RecordedEvent): void {
    step(rows, this.keyOf(event), (current) => this.evolve(current, event));
  }
}

export class MeetingsReplay extends MeetingsProjection {
  step(rows: Rows<MeetingRow>, event: RecordedEvent): void {
    step(rows, this.keyOf(event), (current) => this.evolve(current, event));
  }
}

export class FundingPoolsReplay extends FundingPoolSummaryProjection {
  step(rows: Rows<FundingPoolSummary>, event: RecordedEvent): void {
    step(rows, this.keyOf(event), (current) => this.evolve(current, event));
  }
}
