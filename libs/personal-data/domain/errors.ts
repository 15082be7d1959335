import { DomainError } from '../../shared-kernel/domain-error.js';

/** No person with this id has personal data in the acting organisation (or ever had). */
export class PersonNotFound extends DomainError {
  readonly code = 'person_not_found';
  constructor(readonly personId: string) {
    super(`no person ${personId} in this organisation`);
  }
}

/** A ciphertext that does not decrypt under its person's key: the log was altered, or the key does not belong. */
export class PersonalDataTampered extends Error {
  constructor(readonly personId: string) {
    super(`the personal data of person ${personId} does not decrypt under its key: the stored ciphertext was altered`);
    this.name = 'PersonalDataTampered';
  }
}
