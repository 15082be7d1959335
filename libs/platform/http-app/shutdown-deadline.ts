import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { PINO_LOGGER, type PinoLogger } from '../logging/pino-logger.js';

/**
 * Bounds a graceful shutdown: on a signal, in-flight requests and hooks get `SHUTDOWN_TIMEOUT_MS` to finish, then
 * the process exits anyway, so an orchestrator never has to wait on a stuck connection.
 */
@Injectable()
export class ShutdownDeadline implements BeforeApplicationShutdown {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PINO_LOGGER) private readonly logger: PinoLogger,
  ) {}

  beforeApplicationShutdown(signal?: string): void {
    if (!signal) return; // app.close() from code (tests, CLI) has no deadline to keep
    this.logger.info({ signal, timeoutMs: this.config.shutdownTimeoutMs }, 'shutting down');
    setTimeout(() => {
      this.logger.error({ timeoutMs: this.config.shutdownTimeoutMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, this.config.shutdownTimeoutMs).unref();
  }
}
