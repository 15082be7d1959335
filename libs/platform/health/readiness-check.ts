import { Injectable } from '@nestjs/common';

/** `degraded` still serves traffic (e.g. a projection lagging a little); `down` takes the instance out of rotation. */
export interface ReadinessReport {
  readonly status: 'up' | 'degraded' | 'down';
  /** Shown on `/health/ready`: keep it to figures and short words, never secrets or personal data. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ReadinessCheck {
  /** The key under which `/health/ready` reports it, e.g. `projections`. */
  readonly name: string;
  check(signal: AbortSignal): Promise<ReadinessReport> | ReadinessReport;
}

/**
 * The checks `/health/ready` runs besides the database. Modules that can make the instance unfit to serve (the
 * projection runtime reporting its lag) inject this and `register` a check, typically in `onModuleInit`.
 */
@Injectable()
export class ReadinessCheckRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    if (check.name === 'database' || this.checks.has(check.name)) {
      throw new Error(`a readiness check named "${check.name}" is already registered`);
    }
    this.checks.set(check.name, check);
  }

  list(): readonly ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
