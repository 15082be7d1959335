import { ProblemException, type ProblemMapper } from '../../../platform/index.js';
import { GateRuleSetBackdated, InvalidGateRuleAdoption } from '../../domain/decisions/index.js';
import { GateRuleSetNotFound } from '../application/gate-rule-queries.js';

/** Gate rule errors as problems: an unknown version 404, a malformed or backdated set 422 naming the field. */
export const gateRulesProblemMapper: ProblemMapper = (error) => {
  if (error instanceof GateRuleSetNotFound) {
    return new ProblemException(
      { status: 404, title: 'Gate rule set not found', detail: error.message, errors: [{ field: 'version', reason: 'is not a version of the register' }] },
      { cause: error },
    );
  }
  if (error instanceof InvalidGateRuleAdoption) {
    return new ProblemException(
      { status: 422, title: 'Invalid gate rule set', detail: error.message, errors: [{ field: error.field, reason: error.reason }], extensions: { code: error.code } },
      { cause: error },
    );
  }
  if (error instanceof GateRuleSetBackdated) {
    return new ProblemException(
      {
        status: 422,
        title: 'Gate rules cannot change retroactively',
        detail: error.message,
        errors: [{ field: 'effectiveFrom', reason: `must be ${error.earliest} or later` }],
        extensions: { code: error.code, earliestEffectiveFrom: error.earliest, because: error.because },
      },
      { cause: error },
    );
  }
  return undefined;
};
