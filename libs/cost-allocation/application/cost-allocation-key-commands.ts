import { Command } from '@nestjs/cqrs';
import type { EventMetadata, LogPosition } from '../../event-store/index.js';
import type { AllocationBasis, TermsInput } from '../domain/index.js';
import type { CostAllocationKeyView } from './cost-allocation-key-view.js';

export interface CostAllocationKeyCommandResult {
  readonly key: CostAllocationKeyView;
  readonly position: LogPosition | null;
}

export const costAllocationKeyStream = (keyId: string) => `cost-allocation-key-${keyId}`;

export class DefineCostAllocationKeyCommand extends Command<CostAllocationKeyCommandResult> {
  constructor(
    readonly organisationId: string,
    readonly name: string,
    readonly basis: AllocationBasis,
    readonly terms: TermsInput,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

export class AddCostAllocationTermsCommand extends Command<CostAllocationKeyCommandResult> {
  constructor(
    readonly keyId: string,
    readonly organisationId: string,
    readonly terms: TermsInput,
    /** Undefined for `If-Match: *`. */
    readonly expectedVersion: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
