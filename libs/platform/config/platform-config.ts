/** Log levels pino knows, plus `silent`. */
export const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** The service's settings, read from the environment once at start. */
export interface PlatformConfig {
  readonly port: number;
  /** Absent: the service runs the embedded PostgreSQL on `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevelName;
  /** Maximum JSON request body, in the `bytes` notation express understands (`100kb`, `1mb`). */
  readonly bodyLimit: string;
  readonly readYourWritesTimeoutMs: number;
  /** How long a graceful shutdown may take before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
}

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the settings; reports every bad variable at once so one restart fixes them all. */
export function loadPlatformConfig(env: Env = process.env): PlatformConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };

  const port = integer('PORT', 3000, 0, 65_535);
  const readYourWritesTimeoutMs = integer('READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60_000);
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000);

  const databaseUrl = text('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)');
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVEL_NAMES as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVEL_NAMES.join(', ')}, got "${logLevel}"`);
  }

  const bodyLimit = (text('BODY_LIMIT') ?? '100kb').toLowerCase();
  if (!/^\d+(\.\d+)?(b|kb|mb)?$/.test(bodyLimit)) {
    problems.push(`BODY_LIMIT must be a size such as 100kb or 1mb, got "${bodyLimit}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    databaseUrl,
    dataDir: text('DATA_DIR') ?? './data',
    logLevel: logLevel as LogLevelName,
    bodyLimit,
    readYourWritesTimeoutMs,
    shutdownTimeoutMs,
  });
}

function isPostgresUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
