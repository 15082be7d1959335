import pino from 'pino';
import type { PlatformConfig } from '../config/platform-config.js';
import { RequestContext } from '../request-context/request-context.js';

export type PinoLogger = pino.Logger;

/** The process's one pino logger; the platform and application code log through it (or Nest's adapter over it). */
export const PINO_LOGGER = Symbol('PINO_LOGGER');

/**
 * JSON lines with an ISO time and a textual level. Inside a request every line carries its ids and actor, so a
 * request can be followed across the log; nothing here ever logs request bodies (they carry personal data).
 */
export function createPinoLogger(config: Pick<PlatformConfig, 'logLevel'>, destination?: pino.DestinationStream): PinoLogger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const context = RequestContext.current();
      return context
        ? { requestId: context.requestId, correlationId: context.correlationId, actor: context.actor.subject }
        : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
