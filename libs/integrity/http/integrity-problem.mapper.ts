import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { InvalidDigestDocument } from '../domain/digest.js';

/** A kept digest that does not hash to its own heads is unprocessable: the copy itself is damaged. */
export const integrityProblemMapper: ProblemMapper = (error) => {
  if (error instanceof InvalidDigestDocument) {
    return new ProblemException({
      status: 422,
      title: 'Invalid digest',
      detail: `The digest given is not a digest this service records: ${error.message}.`,
      errors: [{ field: `digest.${error.field}`, reason: error.reason }],
    });
  }
  return undefined;
};
