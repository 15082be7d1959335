import { Catch, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PINO_LOGGER, type PinoLogger } from '../logging/pino-logger.js';
import { RequestContext } from '../request-context/request-context.js';
import { PROBLEM_CONTENT_TYPE } from './problem-document.js';
import { ProblemMapperRegistry } from './problem-mapper.js';
import { toProblem } from './to-problem.js';

/**
 * Every error an HTTP request meets (handler, pipe, guard, body parser, unknown route) leaves as
 * `application/problem+json`. Unexpected errors are logged with their stack and answered with a generic 500.
 */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly mappers: ProblemMapperRegistry,
    @Inject(PINO_LOGGER) private readonly logger: PinoLogger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<IncomingMessage & { originalUrl?: string }>();
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const { problem, headers, unexpected } = toProblem(exception, this.mappers);
    if (unexpected) this.logger.error({ err: exception }, 'request failed with an unexpected error');

    if (res.headersSent) {
      // Part of a response is out (a stream failed midway): the client can only learn of it by the cut.
      res.destroy();
      return;
    }
    const requestId = RequestContext.current()?.requestId;
    const body = {
      ...problem,
      instance: problem.instance ?? (req.originalUrl ?? req.url ?? '').split('?')[0],
      ...(requestId && { requestId }),
    };
    res.statusCode = problem.status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    res.end(JSON.stringify(body));
  }
}
