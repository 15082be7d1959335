import { describe, expect, it } from '@jest/globals';
import { Body, Controller, Post } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { AmendProposalRequest } from './amend-proposal.request.js';
import { CreateProposalRequest } from './create-proposal.request.js';
import { WithdrawProposalRequest } from './withdraw-proposal.request.js';

@Controller('proposals')
class SchemaOnlyController {
  @Post()
  create(@Body() _body: CreateProposalRequest): void {}

  @Post(':id/amend')
  amend(@Body() _body: AmendProposalRequest): void {}

  @Post(':id/withdraw')
  withdraw(@Body() _body: WithdrawProposalRequest): void {}
}

describe('OpenAPI schema of the proposal requests', () => {
  it('documents inherited, nested and required fields', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [SchemaOnlyController] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const schemas = SwaggerModule.createDocument(app, new DocumentBuilder().build()).components?.schemas ?? {};
    await app.close();

    const create = schemas.CreateProposalRequest as { required: string[]; properties: Record<string, unknown> };
    expect(create.required).toEqual(['title', 'departmentId']);
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(['title', 'departmentId', 'need', 'investment', 'systemOwner', 'projectLeadership', 'investmentArea']),
    );
    expect((schemas.AmendProposalRequest as { required?: string[] }).required ?? []).toEqual([]);
    expect(schemas.MoneyDto).toMatchObject({ required: ['amountMinor', 'currency'] });
    expect(schemas.PersonDto).toMatchObject({ properties: { email: { maxLength: 254 } } });
    expect(schemas.WithdrawProposalRequest).toMatchObject({ required: ['reason'] });
  });
});
