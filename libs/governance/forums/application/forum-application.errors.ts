import { DomainError } from '../../../shared-kernel/domain-error.js';

/** A forum belongs to a registered organisation: the acting organisation must be registered first. */
export class OrganisationNotRegistered extends DomainError {
  override readonly code = 'organisation_not_registered';

  constructor(readonly organisationId: string) {
    super(`organisation ${organisationId} is not registered; register it (POST /v1/organisations) before establishing its forums`);
    this.name = 'OrganisationNotRegistered';
  }
}
