/** Loads IT-Forsyningen's business case (see it-forsyningen-data.ts) through the API, each step safe to repeat. */
import type { DemoClient } from '../demo-client.js';
import { ensureSubmittedProposal, inPortfolio } from '../proposal-steps.js';
import { ensureForum, ensureOrganisation } from '../setup-steps.js';
import type { Scenario } from '../steps.js';
import { BENEFITS, BOARD, BUSINESS_CASE, INVESTMENT_ACTUAL, MEASUREMENTS, ORGANISATION, PROGRAMME_OFFICE as PO, PROPOSAL } from './it-forsyningen-data.js';

export interface ItForsyningenSummary {
  readonly organisationId: string;
  readonly boardId: string;
  /** The project (its proposal's id) the business case belongs to. */
  readonly projectId: string;
}

interface BusinessCaseView {
  readonly investmentActuals: readonly { recordedOn: string }[];
  readonly benefits: readonly { benefitId: string; measurements: readonly { measurementId: string }[] }[];
}

export function itForsyningenScenario(client: DemoClient): Scenario<ItForsyningenSummary> {
  const s = {} as { boardId: string; projectId: string };
  const casePath = () => `/v1/business-cases/${s.projectId}`;
  const steps = [
    {
      label: 'IT-Forsyningen: selskabet, bestyrelsen og projektet',
      run: async () => {
        await ensureOrganisation(client, PO, ORGANISATION);
        s.boardId = await ensureForum(client, PO, 'board', BOARD);
        s.projectId = await ensureSubmittedProposal(client, PO, PROPOSAL.key, PROPOSAL.form);
        await inPortfolio(client, PO, s.projectId);
      },
    },
    {
      label: 'IT-Forsyningen: business case med planlagte gevinster',
      run: async () => {
        if ((await client.find(PO, casePath())) === null) {
          await client.write(PO, 'POST', '/v1/business-cases', { body: { projectId: s.projectId, forumId: s.boardId, ...BUSINESS_CASE }, idempotencyKey: `demo:business-case:${s.projectId}` });
        }
        // a repeat with the same benefitId answers 200 and records nothing
        for (const benefit of BENEFITS) {
          await client.write(PO, 'POST', `${casePath()}/benefits`, { body: benefit, idempotencyKey: `demo:benefit:${s.projectId}:${benefit.benefitId}` });
        }
      },
    },
    {
      label: 'IT-Forsyningen: hvad det kostede, og hvad der er målt',
      run: async () => {
        const current = await client.get<BusinessCaseView>(PO, casePath());
        if (!current.body.investmentActuals.some((a) => a.recordedOn === INVESTMENT_ACTUAL.recordedOn)) {
          await client.write(PO, 'POST', `${casePath()}/investment-actuals`, { body: INVESTMENT_ACTUAL, ifMatch: current.etag });
        }
        const measured = new Set(current.body.benefits.flatMap((b) => b.measurements.map((m) => m.measurementId)));
        for (const { benefitId, ...measurement } of MEASUREMENTS) {
          if (measured.has(measurement.measurementId)) continue;
          await client.write(PO, 'POST', `${casePath()}/benefits/${benefitId}/measurements`, {
            body: measurement,
            idempotencyKey: `demo:measurement:${s.projectId}:${measurement.measurementId}`,
          });
        }
      },
    },
  ];
  const summary = (): ItForsyningenSummary => ({ organisationId: ORGANISATION.id, boardId: s.boardId, projectId: s.projectId });
  return { steps, summary };
}
