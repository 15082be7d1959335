import type { IncomingMessage } from 'node:http';
import type { Middleware } from '../request-context/request-context.middleware.js';
import { RequestContext } from '../request-context/request-context.js';
import type { PinoLogger } from './pino-logger.js';

/** What express adds to the request once a route matched. */
interface RoutedRequest extends IncomingMessage {
  readonly originalUrl?: string;
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
}

/**
 * One line per request when its response is done: method, route pattern (low cardinality, no ids), path, status
 * and duration. Never the body or the query string: either can carry personal data.
 */
export function accessLogMiddleware(logger: PinoLogger): Middleware {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const context = RequestContext.current();
    res.once('close', () => {
      const routed = req as RoutedRequest;
      const line = {
        method: req.method,
        route: typeof routed.route?.path === 'string' ? `${routed.baseUrl ?? ''}${routed.route.path}` : null,
        path: (routed.originalUrl ?? req.url ?? '').split('?')[0],
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        ...(!res.writableFinished && { aborted: true }),
      };
      const write = () => logger.info(line, 'request completed');
      // 'close' may fire outside the request's async context; log inside it so the line carries the ids.
      if (context) RequestContext.run(context, write);
      else write();
    });
    next();
  };
}
