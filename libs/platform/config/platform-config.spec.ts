import { availableParallelism } from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadPlatformConfig } from './platform-config.js';

describe('loadPlatformConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadPlatformConfig({})).toEqual({
      port: 3000,
      databaseUrl: null,
      eventStore: 'postgres',
      kurrentdbUrl: null,
      dataDir: './data',
      logLevel: 'info',
      bodyLimit: '100kb',
      readYourWritesTimeoutMs: 2000,
      shutdownTimeoutMs: 10_000,
      readinessMaxProjectionLag: 50_000,
      rateLimitPerMinute: 600,
      auth: {
        jwksUrl: null,
        issuer: null,
        audience: 'portfolio-governance',
        publicKeyPem: null,
        claims: { roles: 'realm_access.roles', organisation: 'organisation', department: 'department' },
      },
      demo: false,
      workers: 1,
    });
  });

  it('loads the demo on start with DEMO=true, only on the service\'s own tokens', () => {
    expect(loadPlatformConfig({ DEMO: 'TRUE' }).demo).toBe(true);
    expect(loadPlatformConfig({ DEMO: 'false' }).demo).toBe(false);
    expect(() => loadPlatformConfig({ DEMO: 'yes' })).toThrow(/DEMO must be true or false/);
    expect(() => loadPlatformConfig({ DEMO: 'true', AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' })).toThrow(/DEMO=true needs the service's own tokens/);
  });

  it('reads the identity provider, its audience and claim names, and the rate limit (0 switches it off)', () => {
    const config = loadPlatformConfig({
      AUTH_JWKS_URL: 'https://sso.herning.dk/realms/kommune/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://sso.herning.dk/realms/kommune',
      AUTH_AUDIENCE: 'portfolio-api',
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_ORGANISATION_CLAIM: 'extension_organisation',
      AUTH_DEPARTMENT_CLAIM: 'org.department',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(config.rateLimitPerMinute).toBe(0);
    expect(config.auth).toEqual({
      jwksUrl: 'https://sso.herning.dk/realms/kommune/protocol/openid-connect/certs',
      issuer: 'https://sso.herning.dk/realms/kommune',
      audience: 'portfolio-api',
      publicKeyPem: null,
      claims: { roles: 'roles', organisation: 'extension_organisation', department: 'org.department' },
    });
  });

  it('names each inconsistent authentication setting', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ AUTH_JWKS_URL: 'https://sso/certs' }, /AUTH_ISSUER is required/],
      [{ AUTH_JWKS_URL: 'ftp://sso/certs', AUTH_ISSUER: 'i' }, /AUTH_JWKS_URL must be/],
      [{ AUTH_ISSUER: 'https://sso' }, /AUTH_ISSUER applies only with AUTH_JWKS_URL/],
      [{ AUTH_AUDIENCE: 'x' }, /AUTH_AUDIENCE applies only/],
      [{ AUTH_ROLES_CLAIM: 'roles' }, /AUTH_ROLES_CLAIM applies only/],
      [{ AUTH_JWKS_URL: 'https://sso/certs', AUTH_ISSUER: 'i', AUTH_ROLES_CLAIM: 'a..b' }, /AUTH_ROLES_CLAIM must be/],
      [{ AUTH_PUBLIC_KEY: 'not a key' }, /AUTH_PUBLIC_KEY must be a PEM/],
      [{ RATE_LIMIT_PER_MINUTE: 'many' }, /RATE_LIMIT_PER_MINUTE/],
    ];
    for (const [env, message] of cases) expect(() => loadPlatformConfig(env)).toThrow(message);
  });

  it('reads every variable', () => {
    const config = loadPlatformConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/app',
      DATA_DIR: '/var/lib/app',
      LOG_LEVEL: 'DEBUG',
      BODY_LIMIT: '1mb',
      READ_YOUR_WRITES_TIMEOUT_MS: '500',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://app@db:5432/app', dataDir: '/var/lib/app' });
    expect(config).toMatchObject({ logLevel: 'debug', bodyLimit: '1mb', readYourWritesTimeoutMs: 500, shutdownTimeoutMs: 30_000 });
  });

  it('reads the projection lag that readiness tolerates, and refuses one that is not a count', () => {
    expect(loadPlatformConfig({ READINESS_MAX_PROJECTION_LAG: '1000' }).readinessMaxProjectionLag).toBe(1000);
    expect(() => loadPlatformConfig({ READINESS_MAX_PROJECTION_LAG: '-5' })).toThrow(/READINESS_MAX_PROJECTION_LAG/);
  });

  it('runs as many API workers as asked on a server, one per core for auto, and only one on the embedded database', () => {
    const server = { DATABASE_URL: 'postgres://127.0.0.1/test' };
    expect(loadPlatformConfig({ ...server, API_WORKERS: '3' }).workers).toBe(3);
    expect(loadPlatformConfig({ ...server, API_WORKERS: 'auto' }).workers).toBe(Math.min(64, availableParallelism()));
    expect(loadPlatformConfig({ API_WORKERS: 'auto' }).workers).toBe(1);
    expect(() => loadPlatformConfig({ API_WORKERS: '2' })).toThrow(/API_WORKERS above 1 needs DATABASE_URL/);
    for (const bad of ['0', '65', 'two', '1.5']) expect(() => loadPlatformConfig({ ...server, API_WORKERS: bad })).toThrow(/API_WORKERS must be auto or an integer/);
  });

  it('chooses the KurrentDB event store with its connection string, and names what is missing or wrong', () => {
    expect(loadPlatformConfig({ EVENT_STORE: 'KurrentDB', KURRENTDB_URL: 'kurrentdb://kdb:2113?tls=false' })).toMatchObject({
      eventStore: 'kurrentdb',
      kurrentdbUrl: 'kurrentdb://kdb:2113?tls=false',
    });
    expect(loadPlatformConfig({ KURRENTDB_URL: 'kurrentdb://kdb:2113' })).toMatchObject({ eventStore: 'postgres', kurrentdbUrl: null });
    expect(() => loadPlatformConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL is required/);
    expect(() => loadPlatformConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://kdb:2113' })).toThrow(/KURRENTDB_URL must be/);
    expect(() => loadPlatformConfig({ EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE must be one of postgres, kurrentdb/);
  });

  it('treats blank values as unset', () => {
    expect(loadPlatformConfig({ DATABASE_URL: '  ', PORT: '' })).toMatchObject({ databaseUrl: null, port: 3000 });
  });

  it('names every invalid variable in one error', () => {
    const env = { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', BODY_LIMIT: 'big', SHUTDOWN_TIMEOUT_MS: '-1' };
    let error: unknown;
    try {
      loadPlatformConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of Object.keys(env)) expect(message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(5);
  });
});
