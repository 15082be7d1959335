import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, ProblemException, Role, actingOrganisation, setNextPageLink } from '../../platform/index.js';
import type { AuditEvent } from '../application/audit-event.js';
import { exportAuditEvents } from '../application/audit-export.js';
import { AuditLog, decodeAuditCursor, encodeAuditCursor, type AuditFilter } from '../application/audit-log.js';
import { AuditFilterParams, ExportAuditEventsParams, ListAuditEventsParams } from './audit-events.params.js';

const CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

function toFilter(p: AuditFilterParams): AuditFilter {
  if (p.from !== undefined && p.to !== undefined && Date.parse(p.from) > Date.parse(p.to)) {
    const reason = 'must not lie after to';
    throw new ProblemException({ status: 400, detail: `from ${reason}`, errors: [{ field: 'from', reason }] });
  }
  return { organisationId: actingOrganisation(), stream: p.stream, actor: p.actor, types: p.type, forum: p.forum, correlationId: p.correlationId, from: p.from, to: p.to };
}

/** The audit trail: the organisation's events, filtered, paged or exported. Nothing expires. */
@ApiTags('audit')
@Controller('v1/audit/events')
export class AuditEventsController {
  private readonly logger = new Logger('AuditExport');

  constructor(private readonly log: AuditLog) {}

  @Get()
  @Allow(Role.ProgrammeOffice, Role.Auditor)
  @ApiOperation({
    summary: "The organisation's events",
    description:
      'Filter by stream, actor, event type, forum, correlation id and time range; in the log\'s read order, cursor-paginated. ' +
      'Each event as stored: data, metadata (actor, correlation, causation, request, reason), positions and recording time.',
  })
  async list(@Query() params: ListAuditEventsParams, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ items: AuditEvent[]; nextCursor: string | null; limit: number }> {
    const filter = toFilter(params);
    const after = params.cursor === undefined ? null : decodeAuditCursor(params.cursor);
    const limit = params.limit ?? 100;
    const page = await this.log.page(filter, after, limit, await this.log.head());
    const nextCursor = page.next && encodeAuditCursor(page.next);
    setNextPageLink(req, res, nextCursor);
    return { items: page.events, nextCursor, limit };
  }

  @Get('export')
  @Allow(Role.ProgrammeOffice, Role.Auditor)
  @ApiOperation({
    summary: "Export the organisation's events",
    description:
      'The same filters; every matching event up to the log\'s head when the export starts, streamed as NDJSON (one event per line, ' +
      'exactly as the list shows it) or CSV (RFC 4180; data and metadata as JSON text; text that would start a spreadsheet formula gets a leading apostrophe).',
  })
  @ApiProduces(CONTENT_TYPES.ndjson, CONTENT_TYPES.csv)
  async export(@Query() params: ExportAuditEventsParams, @Res() res: Response): Promise<void> {
    const filter = toFilter(params);
    const format = params.format ?? 'ndjson';
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="audit-events.${format}"`);
    try {
      await exportAuditEvents(this.log, filter, format, res);
      res.end();
    } catch (error) {
      if (!res.headersSent) throw error;
      // the status line is sent: the client learns of the failure from a cut-off response, the operator from the log
      this.logger.error({ msg: 'audit export failed', error: String(error) });
      res.destroy(error as Error);
    }
  }
}
