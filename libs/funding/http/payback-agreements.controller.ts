import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessPolicy, Allow, Idempotent, PathIdPipe, actingOrganisation, etagFor, metadataFor, optionalIfMatch, setCommandHeaders, setNextPageLink, uuidOr404 } from '../../platform/index.js';
import { ReadYourWrites } from '../../projections/nest/projections.module.js';
import { todayInCopenhagen } from '../application/local-date.js';
import { ConcludePaybackAgreementCommand, RecordPaybackPaymentCommand, type PaybackAgreementCommandResult } from '../application/payback-agreement-commands.js';
import { GetPaybackAgreementQuery, ListPaybackAgreementsQuery, OverduePaybacksQuery } from '../application/payback-agreement-queries.js';
import type { PaybackAgreementView } from '../application/payback-agreement-view.js';
import type { OverdueInstallment } from '../read-models/payback-agreement-list.query.js';
import type { PaybackAgreementRow } from '../read-models/payback-agreement-row.entity.js';
import { PaybackAgreementsProjection } from '../read-models/payback-agreements.projection.js';
import { IDENTIFIER } from './dto/funding-pool.requests.js';
import {
  AsOfParams,
  ConcludePaybackAgreementRequest,
  paybackTermsOf,
  ListPaybackAgreementsParams,
  OverduePaybacksParams,
  RecordPaybackPaymentRequest,
} from './dto/payback-agreement.requests.js';

const poolIdOr404 = uuidOr404('id', 'funding pool');
const commitmentIdOr404 = new PathIdPipe(IDENTIFIER, 'commitmentId', 'payback agreement');
const LIST_VIEW = [new PaybackAgreementsProjection().name];

function toListItem(a: PaybackAgreementRow) {
  const money = (amountMinor: number) => ({ amountMinor, currency: a.currency });
  return {
    poolId: a.poolId,
    commitmentId: a.commitmentId,
    proposalId: a.proposalId,
    status: a.status,
    invested: money(a.investedMinor),
    scheduled: money(a.scheduledMinor),
    paidBack: money(a.paidBackMinor),
    nextDueOn: a.nextDueOn,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The efficiency principle: payback agreements on a pool's commitments, their schedules and payments. */
@ApiTags('funding')
@Controller('v1/funding-pools/:id/payback-agreements')
export class PoolPaybackAgreementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @Allow(AccessPolicy.manageFundingPools)
  @ApiOperation({
    summary: 'Conclude a payback agreement on a commitment',
    description:
      'The beneficiaries pay back a share of their yearly savings from year 1, capped at the amount the pool invested (the ' +
      "commitment's amount). 201 when concluded, 200 when it repeats the same terms; other terms on the same commitment are 409.",
  })
  @ApiHeader({ name: 'If-Match', required: false, description: "The pool's ETag: conclude only if the pool is unchanged" })
  async conclude(
    @Param('id', poolIdOr404) poolId: string,
    @Body() body: ConcludePaybackAgreementRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaybackAgreementView> {
    const expected = optionalIfMatch(ifMatch);
    const result = await this.commands.execute(new ConcludePaybackAgreementCommand(poolId, actingOrganisation(), body.commitmentId, paybackTermsOf(body), metadataFor(), expected));
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/funding-pools/${poolId}/payback-agreements/${encodeURIComponent(body.commitmentId)}`);
    return answer(res, result);
  }

  @Get(':commitmentId')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({
    summary: 'Read a payback agreement',
    description: 'Terms, the schedule with what each installment has been paid and whether it is overdue on `asOf`, the payments. ETag: the pool version.',
  })
  async get(
    @Param('id', poolIdOr404) poolId: string,
    @Param('commitmentId', commitmentIdOr404) commitmentId: string,
    @Query() params: AsOfParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaybackAgreementView> {
    const agreement = await this.queries.execute(new GetPaybackAgreementQuery(poolId, actingOrganisation(), commitmentId, params.asOf ?? todayInCopenhagen()));
    res.setHeader('ETag', etagFor(agreement.version));
    return agreement;
  }

  @Post(':commitmentId/payments')
  @Allow(AccessPolicy.manageFundingPools)
  @Idempotent()
  @ApiOperation({
    summary: 'Record a payback payment',
    description:
      "A beneficiary pays towards its installment of a year; the money flows back into the pool's balance. At most what the " +
      'installment still owes (409 with `outstanding`). 201 when recorded, 200 when it repeats the payment with the same paymentId.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: "The pool's ETag" })
  async pay(
    @Param('id', poolIdOr404) poolId: string,
    @Param('commitmentId', commitmentIdOr404) commitmentId: string,
    @Body() body: RecordPaybackPaymentRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaybackAgreementView> {
    const expected = optionalIfMatch(ifMatch);
    const payment = { paymentId: body.paymentId ?? randomUUID(), partyId: body.partyId, year: body.year, amount: body.amount, paidOn: body.paidOn };
    const result = await this.commands.execute(new RecordPaybackPaymentCommand(poolId, actingOrganisation(), commitmentId, payment, metadataFor(), expected));
    res.status(result.position ? 201 : 200).location(`${req.baseUrl}/v1/funding-pools/${poolId}/payback-agreements/${encodeURIComponent(commitmentId)}`);
    return answer(res, result);
  }
}

function answer(res: Response, result: PaybackAgreementCommandResult): PaybackAgreementView {
  setCommandHeaders(res, result.agreement.version, result.position);
  return result.agreement;
}

/** The organisation's payback agreements across pools, and what is overdue. */
@ApiTags('funding')
@Controller('v1/payback-agreements')
export class PaybackAgreementsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({ summary: 'List payback agreements', description: 'Filter by pool and status; cursor-paginated.' })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the list includes this X-Log-Position.' })
  async list(@Query() params: ListPaybackAgreementsParams, @Headers('x-min-position') minPosition: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const limit = params.limit ?? 20;
    const page = await this.queries.execute(new ListPaybackAgreementsQuery({ organisationId, poolId: params.poolId, status: params.status, limit, cursor: params.cursor }));
    setNextPageLink(req, res, page.nextCursor);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor, limit };
  }

  @Get('overdue')
  @Allow(AccessPolicy.readFundingPools)
  @ApiOperation({
    summary: 'Overdue paybacks',
    description: 'Installments due before `asOf` (default today) and not paid in full, oldest first, with the total outstanding per party.',
  })
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait (bounded) until the answer includes this X-Log-Position.' })
  async overdue(@Query() params: OverduePaybacksParams, @Headers('x-min-position') minPosition: string | undefined) {
    const organisationId = actingOrganisation();
    await this.readYourWrites.waitFor(minPosition, LIST_VIEW);
    const asOf = params.asOf ?? todayInCopenhagen();
    const installments = await this.queries.execute(new OverduePaybacksQuery(organisationId, asOf, params.poolId));
    return { asOf, byParty: totalsByParty(installments), installments };
  }
}

/** What each party owes in all, per currency, largest first. */
function totalsByParty(installments: readonly OverdueInstallment[]) {
  const totals = new Map<string, { partyId: string; outstanding: { amountMinor: number; currency: string }; installments: number }>();
  for (const i of installments) {
    const key = `${i.partyId}/${i.outstanding.currency}`;
    const t = totals.get(key) ?? { partyId: i.partyId, outstanding: { amountMinor: 0, currency: i.outstanding.currency }, installments: 0 };
    totals.set(key, { ...t, outstanding: { ...t.outstanding, amountMinor: t.outstanding.amountMinor + i.outstanding.amountMinor }, installments: t.installments + 1 });
  }
  return [...totals.values()].sort((a, b) => b.outstanding.amountMinor - a.outstanding.amountMinor || (a.partyId < b.partyId ? -1 : 1));
}
