import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { actingOrganisation, Allow, metadataFor, setCommandHeaders, uuidOr404 } from '../../platform/index.js';
import { Role } from '../../platform/auth/roles.js';
import { ErasePersonalDataCommand, FindPersonByEmailQuery, GetPersonQuery, type PersonView } from '../application/personal-data-commands.js';
import { ErasePersonalDataRequest, FindPeopleParams } from './dto/people.requests.js';

const personId = uuidOr404('personId', 'person');

/**
 * People whose names and contact details the log holds, encrypted one key per person. For administrators: find a
 * person's id by email, see whether their data is kept, erase it. Answers never carry a name or an email.
 */
@ApiTags('personal data')
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Allow(Role.Administrator)
  @ApiOperation({
    summary: "Find a person's id by email",
    description: 'Within the acting organisation; at most one item. An erased person is not found: their identity went with their key.',
  })
  async find(@Query() params: FindPeopleParams): Promise<{ items: PersonView[] }> {
    const person = await this.queries.execute(new FindPersonByEmailQuery(actingOrganisation(), params.email));
    return { items: person ? [person] : [] };
  }

  @Get(':personId')
  @Allow(Role.Administrator)
  @ApiOperation({ summary: 'Whether a person\'s data is kept', description: 'And, once erased, when, by whom and why.' })
  get(@Param('personId', personId) id: string): Promise<PersonView> {
    return this.queries.execute(new GetPersonQuery(actingOrganisation(), id));
  }

  @Post(':personId/erasure')
  @Allow(Role.Administrator)
  @ApiOperation({
    summary: "Erase a person's personal data (crypto-shredding)",
    description:
      "Deletes the person's key: every event that named them reads `person: { erased: true }` from now on, and the log's " +
      'hash chain still verifies. Records an audited PersonalDataErased (actor, reason; no personal data) and rebuilds the ' +
      'read models that held the person, in the background. 201 when erased now; 200, changing nothing, when erased before.',
  })
  async erase(
    @Param('personId', personId) id: string,
    @Body() body: ErasePersonalDataRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonView> {
    const result = await this.commands.execute(new ErasePersonalDataCommand(id, actingOrganisation(), metadataFor(body.reason)));
    setCommandHeaders(res, result.version, result.position);
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/people/${id}`);
    return result.person;
  }
}
