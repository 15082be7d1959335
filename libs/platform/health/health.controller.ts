import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/tokens.js';
import { PINO_LOGGER, type PinoLogger } from '../logging/pino-logger.js';
import { ProblemException } from '../problem/problem.exception.js';
import { ReadinessCheckRegistry, type ReadinessCheck, type ReadinessReport } from './readiness-check.js';

/** Long enough for a loaded database, short enough for a probe with a few seconds' timeout. */
const CHECK_TIMEOUT_MS = 2000;

/** Liveness says the process runs (restart it if not); readiness says it can serve (route traffic to it). */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessCheckRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PINO_LOGGER) private readonly logger: PinoLogger,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    const database: ReadinessCheck = {
      name: 'database',
      check: async () => {
        await this.pool.query('SELECT 1');
        return { status: 'up' };
      },
    };
    try {
      return await this.health.check([database, ...this.readiness.list()].map((check) => () => this.run(check)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw new ProblemException({
        status: 503,
        title: 'Not ready',
        detail: result.status === 'shutting_down' ? 'The instance is shutting down.' : 'A readiness check is down.',
        extensions: { checks: result.details },
      });
    }
  }

  /** A check that throws or hangs is down; why is logged, not shown (the error may name hosts or queries). */
  private async run(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(check.name);
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // settle the race first: a check that answers its abort must not win it
        reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`));
        abort.abort();
      }, CHECK_TIMEOUT_MS);
    });
    try {
      const report: ReadinessReport = await Promise.race([Promise.resolve(check.check(abort.signal)), timeout]);
      const details = { ...report.details };
      return report.status === 'up' ? session.up(details) : report.status === 'degraded' ? session.degraded(details) : session.down(details);
    } catch (error) {
      this.logger.warn({ err: error, check: check.name }, 'readiness check failed');
      return session.down({ message: abort.signal.aborted ? 'timed out' : 'check failed' });
    } finally {
      clearTimeout(timer);
    }
  }
}
