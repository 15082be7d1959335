import type { NestExpressApplication } from '@nestjs/platform-express';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor.js';
import { accessLogMiddleware } from '../logging/access-log.middleware.js';
import { PinoNestLogger } from '../logging/nest-logger.adapter.js';
import { PINO_LOGGER, type PinoLogger } from '../logging/pino-logger.js';
import { ProblemDetailsFilter } from '../problem/problem-details.filter.js';
import { createValidationPipe } from '../problem/validation.js';
import { ACTOR_RESOLVER, type ActorResolver } from '../request-context/actor-resolver.js';
import { requestContextMiddleware } from '../request-context/request-context.middleware.js';
import { AccessGuard } from '../auth/access.guard.js';
import { useJsonBody } from './json-body.js';
import { rateLimitMiddleware } from './rate-limit.js';

/**
 * Applies the platform to an Express app created from a module that imports `PlatformModule.forRoot(...)`.
 * Call it once, before `listen()`/`init()`. The order of the middleware is the order a request meets them:
 * security headers, context (ids, authenticated actor), access log, rate limit, media type and JSON body; then
 * Nest's routing with the access guard, the global pipe, interceptors and the problem filter.
 */
export function configureHttpApp(app: NestExpressApplication, config: PlatformConfig = app.get(PLATFORM_CONFIG)): NestExpressApplication {
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();

  // helmet's defaults (nosniff, frame and referrer policies, CSP, no X-Powered-By); without the https upgrade so
  // the Swagger UI also loads over plain http in development
  app.useSecurityHeaders({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  // An ETag here is a stream version that controllers set; express's automatic body-hash ETags would be taken for one.
  app.set('etag', false);
  app.use(requestContextMiddleware(app.get<ActorResolver>(ACTOR_RESOLVER)));
  app.use(accessLogMiddleware(app.get<PinoLogger>(PINO_LOGGER)));
  app.use(rateLimitMiddleware(config.rateLimitPerMinute));
  useJsonBody(app, config.bodyLimit);

  app.useGlobalGuards(app.get(AccessGuard));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(app.get(IdempotencyInterceptor));
  app.useGlobalFilters(app.get(ProblemDetailsFilter));
  app.enableShutdownHooks();
  return app;
}
