import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Allow, actingOrganisation, uuidOr404 } from '../../platform/index.js';
import type { ProposalDiff } from '../application/proposal-diff.js';
import { TimeTravel } from '../application/time-travel.js';
import { ProposalDiffParams } from './as-of.params.js';

const uuid = uuidOr404('id', 'proposal');

/** What changed in a proposal between two points in time. */
@ApiTags('time travel')
@Controller('v1/proposals')
export class ProposalDiffController {
  constructor(private readonly timeTravel: TimeTravel) {}

  @Get(':id/diff')
  @Allow(AccessPolicy.readProposalHistory)
  @ApiOperation({
    summary: 'A proposal between two points in time',
    description:
      'Every answer, the status and the withdrawal reason that differ between `from` and `to` (each a time with a zone, a log position or a global position), ' +
      'with their values at both. A proposal that did not exist yet at `from` shows every answer as given. 404 when it did not exist at `to`.',
  })
  diff(@Param('id', uuid) id: string, @Query() params: ProposalDiffParams): Promise<ProposalDiff> {
    return this.timeTravel.proposalDiff(actingOrganisation(), id, params.from, params.to);
  }
}
