import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type pg from 'pg';
import { Allow, Idempotent, PG_POOL, ProblemException, Role, metadataFor, positiveIntOr404, setNextPageLink } from '../../platform/index.js';
import { DigestStore } from '../application/digest-store.js';
import type { DigestDocument } from '../domain/digest.js';
import { verifyEventLog, type VerificationReport } from '../verify-event-log.js';
import { ListDigestsParams, VerifyEventLogRequest } from './dto/integrity.requests.js';

const sequenceOr404 = positiveIntOr404('sequence', 'digest');

/**
 * The log and its digests span every organisation: auditors and administrators, through the access helper's
 * `@Allow` (a named entry in AccessPolicy would be its place once that file settles).
 */
const LOG_KEEPERS = [Role.Auditor, Role.Administrator];

const noDigest = (detail: string) => new ProblemException({ status: 404, title: 'Digest not found', detail });

/**
 * Tamper evidence of the event log: digests of all stream heads to keep outside the system, and verification of
 * every hash, every link and every digest head.
 */
@ApiTags('integrity')
@Allow(LOG_KEEPERS)
@Controller('v1/integrity')
export class IntegrityController {
  constructor(
    private readonly digests: DigestStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Post('digests')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a digest now',
    description: '201 with the new digest (heads and SHA-256); 200 with the latest one when the log has not moved since it was recorded.',
  })
  async record(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<DigestDocument> {
    const { digest, created } = await this.digests.record(metadataFor().actor.subject);
    res.status(created ? 201 : 200).location(`${req.baseUrl}/v1/integrity/digests/${digest.sequence}`);
    return digest;
  }

  @Get('digests')
  @ApiOperation({ summary: 'List recorded digests', description: 'Newest first, without the heads; cursor-paginated.' })
  async list(@Query() params: ListDigestsParams, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const limit = params.limit ?? 20;
    const page = await this.digests.list(limit, params.cursor ? Number(params.cursor) : null);
    const nextCursor = page.nextBefore === null ? null : String(page.nextBefore);
    setNextPageLink(req, res, nextCursor);
    return { items: page.items, nextCursor, limit };
  }

  @Get('digests/latest')
  @ApiOperation({
    summary: 'The latest digest, to keep outside the system',
    description: 'canonicalHeads lists every stream\'s last version and hash; digest is the SHA-256 of its UTF-8 bytes. 404 before the first digest.',
  })
  async latest(): Promise<DigestDocument> {
    const digest = await this.digests.latest();
    if (!digest) throw noDigest('No digest has been recorded yet: POST /v1/integrity/digests records one.');
    return digest;
  }

  @Get('digests/:sequence')
  @ApiOperation({ summary: 'One recorded digest, with its heads' })
  async find(@Param('sequence', sequenceOr404) sequence: number): Promise<DigestDocument> {
    const digest = await this.digests.find(sequence);
    if (!digest) throw noDigest(`No digest has the sequence number ${sequence}.`);
    return digest;
  }

  @Post('verifications')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify the whole event log',
    description:
      'Recomputes every event hash and every link of every stream, and checks every head of the latest digest (or of ' +
      'the digest given, as kept outside the system). Names the first broken link. Nothing is written.',
  })
  async verify(@Body() body: VerifyEventLogRequest, @Req() req: Request): Promise<VerificationReport> {
    const gone = new AbortController();
    const onClose = () => gone.abort(new Error('the client went away'));
    req.socket.once('close', onClose);
    try {
      return await verifyEventLog(this.pool, { signal: gone.signal, digest: body?.digest });
    } finally {
      req.socket.off('close', onClose);
    }
  }
}
