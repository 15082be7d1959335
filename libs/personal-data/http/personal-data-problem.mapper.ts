import { ProblemException, type ProblemMapper } from '../../platform/index.js';
import { PersonNotFound } from '../domain/index.js';

export const personalDataProblemMapper: ProblemMapper = (error) => {
  if (error instanceof PersonNotFound) {
    return new ProblemException({
      status: 404,
      title: 'Person not found',
      detail: `${error.message}.`,
      errors: [{ field: 'personId', reason: 'names no person of this organisation' }],
    });
  }
  return undefined;
};
