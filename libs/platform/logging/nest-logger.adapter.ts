import { Inject, Injectable, type LoggerService, type LogLevel } from '@nestjs/common';
import { PINO_LOGGER, type PinoLogger } from './pino-logger.js';

type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const LEVELS: Record<LogLevel, PinoLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

const isStack = (value: unknown): boolean => typeof value === 'string' && /\n\s+at /.test(value);

/**
 * Nest's `LoggerService` over pino, so the framework's own lines (startup, routes, errors) are JSON like ours.
 * Nest passes the context (the class name) as the last string argument and, for errors, a stack before it.
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(@Inject(PINO_LOGGER) private readonly pino: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest's levels are a set, pino's a threshold: the most verbose level asked for wins. */
  setLogLevels(levels: LogLevel[]): void {
    const order: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
    const lowest = order.find((level) => levels.includes(level));
    this.pino.level = lowest ? LEVELS[lowest] : 'silent';
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    // error(message, stack) with no context: the one string is the stack, not a context
    const loneStack = level === 'error' && rest.length === 1 && isStack(rest[0]);
    if (typeof rest.at(-1) === 'string' && !loneStack) fields.context = rest.pop();
    if (level === 'error' && rest.length > 0 && (rest[0] === undefined || isStack(rest[0]))) {
      const stack = rest.shift();
      if (stack) fields.stack = stack;
    }
    if (rest.length > 0) fields.params = rest;

    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      // pino style: `logger.log({ msg: 'projections started', projections })` puts the fields on the line
      const { msg, ...rest } = message as Record<string, unknown>;
      Object.assign(fields, rest);
      if (typeof msg === 'string') text = msg;
    } else {
      text = String(message);
    }
    this.pino[LEVELS[level]](fields, text);
  }
}
