import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Role, actingOrganisation, uuidOr404 } from '../../platform/index.js';
import { WhatTheForumSawReader, type WhatTheForumSaw } from '../application/what-the-forum-saw.js';

const decisionIdPipe = uuidOr404('decisionId', 'decision');

/** For auditors: a decision with everything it was taken on, exactly as it was. */
@ApiTags('audit')
@Controller('v1/decisions')
export class WhatTheForumSawController {
  constructor(private readonly reader: WhatTheForumSawReader) {}

  @Get(':decisionId/what-the-forum-saw')
  @Allow(Role.ProgrammeOffice, Role.Director, Role.Auditor)
  @ApiOperation({
    summary: 'What the forum saw',
    description:
      'The frozen agenda revision the decision was taken on (its pack re-verified against the recorded hash), the votes and tally, the rationale, ' +
      'the forum as it stood that day, the scoring model version and the pool balance the pack showed: read from the decision and the frozen pack, never from current state.',
  })
  read(@Param('decisionId', decisionIdPipe) decisionId: string): Promise<WhatTheForumSaw> {
    return this.reader.read(actingOrganisation(), decisionId);
  }
}
