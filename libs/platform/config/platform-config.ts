import { availableParallelism } from 'node:os';

/** Log levels pino knows, plus `silent`. */
export const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** The service's settings, read from the environment once at start. */
export interface PlatformConfig {
  readonly port: number;
  /** Absent: the service runs the embedded PostgreSQL on `dataDir`. */
  readonly databaseUrl: string | null;
  /** Where the event log lives; read models and projection checkpoints stay in PostgreSQL either way. */
  readonly eventStore: EventStoreKind;
  /** KurrentDB connection string (`kurrentdb://host:2113?tls=false`); null unless `eventStore` is `kurrentdb`. */
  readonly kurrentdbUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevelName;
  /** Maximum JSON request body, in the `bytes` notation express understands (`100kb`, `1mb`). */
  readonly bodyLimit: string;
  readonly readYourWritesTimeoutMs: number;
  /** How long a graceful shutdown may take before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** Readiness fails while a projection is more than this many events behind the log (its lists too stale to serve). */
  readonly readinessMaxProjectionLag: number;
  /** Requests a client (a token's subject, else an IP address) may make per minute; 0 switches the limit off. */
  readonly rateLimitPerMinute: number;
  readonly auth: AuthConfig;
  /** Load the demo data set through the API once listening (`DEMO=true`, or `--demo` on start). */
  readonly demo: boolean;
  /**
   * API processes sharing the port (`API_WORKERS`, a number or `auto` for one per core). Node runs JavaScript on one
   * core per process, so one process leaves the other cores to PostgreSQL alone. Needs DATABASE_URL: the embedded
   * database lives inside a single process.
   */
  readonly workers: number;
}

/** Where the claims this service reads sit in a token: a claim name, or a dot path into nested claims. */
export interface ClaimNames {
  readonly roles: string;
  readonly organisation: string;
  readonly department: string;
}

/** Keycloak's layout: realm roles under `realm_access.roles`, the rest as plain claims (user attribute mappers). */
export const DEFAULT_CLAIM_NAMES: ClaimNames = Object.freeze({ roles: 'realm_access.roles', organisation: 'organisation', department: 'department' });

/** The audience tokens must name unless `AUTH_AUDIENCE` says otherwise. */
export const DEFAULT_AUDIENCE = 'portfolio-governance';

/**
 * How bearer tokens are verified: against an OIDC provider's JWKS (`jwksUrl` with its issuer), against one given
 * public key (`publicKeyPem`: tests, or a provider without JWKS), or, when neither is set, against the service's own
 * key pair in `dataDir` (the embedded default, created on first start; `issueDevelopmentToken` signs with it).
 */
export interface AuthConfig {
  readonly jwksUrl: string | null;
  /** Required with `jwksUrl`; the service's own tokens have a fixed issuer. */
  readonly issuer: string | null;
  readonly audience: string;
  readonly publicKeyPem: string | null;
  readonly claims: ClaimNames;
}

export const EVENT_STORE_KINDS = ['postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

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
  const readinessMaxProjectionLag = integer('READINESS_MAX_PROJECTION_LAG', 50_000, 0, 1_000_000_000);
  const rateLimitPerMinute = integer('RATE_LIMIT_PER_MINUTE', 600, 0, 100_000_000);
  const auth = authConfig(text, problems);
  const demo = (text('DEMO') ?? 'false').toLowerCase();
  if (demo !== 'true' && demo !== 'false') problems.push(`DEMO must be true or false, got "${demo}"`);
  // the demo signs its own tokens with the key pair in DATA_DIR: a service trusting another issuer would refuse them
  if (demo === 'true' && (auth.jwksUrl !== null || auth.publicKeyPem !== null)) {
    problems.push('DEMO=true needs the service\'s own tokens: unset AUTH_JWKS_URL and AUTH_PUBLIC_KEY');
  }

  const databaseUrl = text('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)');
  }

  const eventStore = (text('EVENT_STORE') ?? 'postgres').toLowerCase() as EventStoreKind;
  if (!EVENT_STORE_KINDS.includes(eventStore)) problems.push(`EVENT_STORE must be one of ${EVENT_STORE_KINDS.join(', ')}, got "${eventStore}"`);
  // read only for the KurrentDB store: the variable alone (as the adapter's contract tests use it) changes nothing
  const kurrentdbUrl = eventStore === 'kurrentdb' ? (text('KURRENTDB_URL') ?? null) : null;
  if (eventStore === 'kurrentdb' && kurrentdbUrl === null) problems.push('KURRENTDB_URL is required with EVENT_STORE=kurrentdb');
  if (kurrentdbUrl !== null && !isKurrentDbUrl(kurrentdbUrl)) {
    problems.push('KURRENTDB_URL must be a kurrentdb://, kurrentdb+discover://, kurrent://, kdb:// or esdb:// connection string');
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVEL_NAMES as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVEL_NAMES.join(', ')}, got "${logLevel}"`);
  }

  const bodyLimit = (text('BODY_LIMIT') ?? '100kb').toLowerCase();
  if (!/^\d+(\.\d+)?(b|kb|mb)?$/.test(bodyLimit)) {
    problems.push(`BODY_LIMIT must be a size such as 100kb or 1mb, got "${bodyLimit}"`);
  }

  const workers = workerCount(text('API_WORKERS'), databaseUrl, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    databaseUrl,
    eventStore,
    kurrentdbUrl,
    dataDir: text('DATA_DIR') ?? './data',
    logLevel: logLevel as LogLevelName,
    bodyLimit,
    readYourWritesTimeoutMs,
    shutdownTimeoutMs,
    readinessMaxProjectionLag,
    rateLimitPerMinute,
    auth,
    demo: demo === 'true',
    workers,
  });
}

const MAX_WORKERS = 64;

function workerCount(raw: string | undefined, databaseUrl: string | null, problems: string[]): number {
  if (raw === undefined) return 1;
  // `auto` means as many as make sense: on the embedded database that is one
  if (raw.toLowerCase() === 'auto') return databaseUrl === null ? 1 : Math.min(MAX_WORKERS, availableParallelism());
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS) {
    problems.push(`API_WORKERS must be auto or an integer from 1 to ${MAX_WORKERS}, got "${raw}"`);
    return 1;
  }
  if (n > 1 && databaseUrl === null) problems.push('API_WORKERS above 1 needs DATABASE_URL: the embedded database lives inside one process');
  return n;
}

function authConfig(text: (name: string) => string | undefined, problems: string[]): AuthConfig {
  const jwksUrl = text('AUTH_JWKS_URL') ?? null;
  if (jwksUrl !== null && !isHttpUrl(jwksUrl)) problems.push('AUTH_JWKS_URL must be an http:// or https:// URL');
  const issuer = text('AUTH_ISSUER') ?? null;
  if (jwksUrl !== null && issuer === null) problems.push('AUTH_ISSUER is required with AUTH_JWKS_URL (the iss every token must carry)');
  if (jwksUrl === null && issuer !== null) problems.push('AUTH_ISSUER applies only with AUTH_JWKS_URL (the service\'s own tokens have a fixed issuer)');
  const publicKeyPem = text('AUTH_PUBLIC_KEY')?.replace(/\\n/g, '\n') ?? null;
  if (publicKeyPem !== null && !publicKeyPem.startsWith('-----BEGIN PUBLIC KEY-----')) problems.push('AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  if (publicKeyPem !== null && jwksUrl !== null) problems.push('Set either AUTH_JWKS_URL or AUTH_PUBLIC_KEY, not both');

  const claim = (name: string, fallback: string): string => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^[A-Za-z0-9_:/.-]{1,200}$/.test(value) || value.split('.').some((part) => part === '')) {
      problems.push(`${name} must be a claim name or a dot path such as realm_access.roles, got "${value}"`);
      return fallback;
    }
    if (jwksUrl === null && publicKeyPem === null) {
      problems.push(`${name} applies only with AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the service's own tokens use the default claim names)`);
    }
    return value;
  };
  const claims: ClaimNames = Object.freeze({
    roles: claim('AUTH_ROLES_CLAIM', DEFAULT_CLAIM_NAMES.roles),
    organisation: claim('AUTH_ORGANISATION_CLAIM', DEFAULT_CLAIM_NAMES.organisation),
    department: claim('AUTH_DEPARTMENT_CLAIM', DEFAULT_CLAIM_NAMES.department),
  });
  const audience = text('AUTH_AUDIENCE');
  if (audience !== undefined && jwksUrl === null && publicKeyPem === null) {
    problems.push(`AUTH_AUDIENCE applies only with AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the service's own tokens are for "${DEFAULT_AUDIENCE}")`);
  }
  return Object.freeze({ jwksUrl, issuer, audience: audience ?? DEFAULT_AUDIENCE, publicKeyPem, claims });
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The schemes the KurrentDB client accepts (esdb is its deprecated name for kurrentdb). */
function isKurrentDbUrl(value: string): boolean {
  return /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/[^/\s]/.test(value);
}

function isPostgresUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
