import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { BenefitIdInUse, BenefitNotFound, BusinessCaseAlreadyPrepared, BusinessCaseNotFound, InvalidBenefitRequest, MeasurementConflict } from '../domain/index.js';

/** Benefit errors as problems: unknown 404, conflicts with what is recorded 409, rule violations 422. */
export const benefitsProblemMapper: ProblemMapper = (error) => {
  if (error instanceof BusinessCaseNotFound) return new ProblemException({ status: 404, title: 'Business case not found', detail: error.message });
  if (error instanceof BenefitNotFound) return new ProblemException({ status: 404, title: 'Benefit not found', detail: error.message, extensions: { benefitId: error.benefitId } });
  if (error instanceof BusinessCaseAlreadyPrepared) {
    return new ProblemException({ status: 409, title: 'Business case already prepared', detail: error.message, errors: [{ field: 'projectId', reason: 'has a business case already' }] });
  }
  if (error instanceof BenefitIdInUse) {
    return new ProblemException({ status: 409, title: 'Benefit id in use', detail: error.message, errors: [{ field: 'benefitId', reason: 'is the id of another benefit' }] });
  }
  if (error instanceof MeasurementConflict) {
    return new ProblemException({
      status: 409,
      title: 'Period already measured',
      detail: error.message,
      errors: [{ field: 'corrects', reason: error.reason }],
      extensions: { period: error.period, currentMeasurementId: error.currentMeasurementId },
    });
  }
  if (error instanceof InvalidBenefitRequest) {
    return new ProblemException({ status: 422, title: 'Invalid benefit request', detail: error.message, errors: [{ field: error.field, reason: error.reason }] });
  }
  return undefined;
};
