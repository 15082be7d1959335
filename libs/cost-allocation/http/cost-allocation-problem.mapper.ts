import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { CostAllocationKeyAlreadyExists, CostAllocationKeyNotFound, InvalidCostAllocationKey, NoTermsInForce, TermsAlreadyEffective } from '../domain/index.js';
import { InvalidCostAllocationKeyCursor } from '../read-models/cost-allocation-key-list.query.js';

/** Cost allocation errors as problems: unknown 404, conflicts with the key's history 409, rule violations 422. */
export const costAllocationProblemMapper: ProblemMapper = (error) => {
  if (error instanceof CostAllocationKeyNotFound) {
    return new ProblemException({ status: 404, title: 'Cost allocation key not found', detail: error.message, extensions: { keyId: error.keyId } });
  }
  if (error instanceof CostAllocationKeyAlreadyExists) {
    return new ProblemException({ status: 409, title: 'Cost allocation key already exists', detail: error.message, extensions: { keyId: error.keyId } });
  }
  if (error instanceof InvalidCostAllocationKey) {
    return new ProblemException({ status: 422, title: 'Invalid cost allocation key', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  if (error instanceof TermsAlreadyEffective) {
    return new ProblemException({
      status: 409,
      title: 'Terms already effective from that day',
      detail: `${error.message}: the history is kept, so each day has one set of terms.`,
      errors: [{ field: 'effectiveFrom', reason: `has terms already: ${error.effectiveFrom}` }],
    });
  }
  if (error instanceof NoTermsInForce) {
    return new ProblemException({
      status: 422,
      title: 'No terms in force',
      detail: error.message,
      errors: [{ field: 'on', reason: `must be on or after ${error.firstEffectiveFrom}, when the key takes effect` }],
      extensions: { firstEffectiveFrom: error.firstEffectiveFrom },
    });
  }
  if (error instanceof InvalidCostAllocationKeyCursor) {
    return new ProblemException({ status: 400, detail: error.message, errors: [{ field: 'cursor', reason: error.message }] });
  }
  return undefined;
};
