import type { Benefit, BusinessCaseState, PreparedBusinessCase } from './business-case.js';
import { InconsistentBenefitHistory } from './errors.js';
import { BusinessCaseEventType, type BusinessCaseEvent } from './events.js';

/** Folds one recorded fact into the business case. Events are facts: nothing is re-validated, only their order. */
export function evolve(state: BusinessCaseState, event: BusinessCaseEvent): BusinessCaseState {
  if (event.type === BusinessCaseEventType.Prepared) {
    if (state.status !== 'none') throw new InconsistentBenefitHistory(event.type, 'the business case exists already');
    return { status: 'prepared', ...event.data, investmentActuals: [], benefits: [] };
  }
  if (state.status === 'none') throw new InconsistentBenefitHistory(event.type, 'the business case does not exist');
  return evolvePrepared(state, event);
}

function evolvePrepared(state: PreparedBusinessCase, event: BusinessCaseEvent): PreparedBusinessCase {
  switch (event.type) {
    case BusinessCaseEventType.Revised: {
      const { projectId: _p, reason: _r, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case BusinessCaseEventType.InvestmentActualRecorded: {
      const { amount, recordedOn, note } = event.data;
      return { ...state, investmentActuals: [...state.investmentActuals, { amount, recordedOn, note }] };
    }
    case BusinessCaseEventType.BenefitDefined: {
      const { projectId: _p, ...benefit } = event.data;
      return { ...state, benefits: [...state.benefits, { ...benefit, measurements: [] }] };
    }
    case BusinessCaseEventType.BenefitAmended: {
      const { projectId: _p, benefitId, reason: _r, ...changes } = event.data;
      return withBenefit(state, event, benefitId, (b) => ({ ...b, ...changes }));
    }
    case BusinessCaseEventType.BenefitMeasured: {
      const { projectId: _p, benefitId, ...measurement } = event.data;
      return withBenefit(state, event, benefitId, (b) => ({ ...b, measurements: [...b.measurements, measurement] }));
    }
    case BusinessCaseEventType.Prepared:
      throw new InconsistentBenefitHistory(event.type, 'the business case exists already');
  }
}

function withBenefit(state: PreparedBusinessCase, event: BusinessCaseEvent, benefitId: string, change: (b: Benefit) => Benefit): PreparedBusinessCase {
  if (!state.benefits.some((b) => b.benefitId === benefitId)) throw new InconsistentBenefitHistory(event.type, `no benefit ${benefitId}`);
  return { ...state, benefits: state.benefits.map((b) => (b.benefitId === benefitId ? change(b) : b)) };
}
