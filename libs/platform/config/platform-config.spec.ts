import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadPlatformConfig } from './platform-config.js';

describe('loadPlatformConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadPlatformConfig({})).toEqual({
      port: 3000,
      databaseUrl: null,
      dataDir: './data',
      logLevel: 'info',
      bodyLimit: '100kb',
      readYourWritesTimeoutMs: 2000,
      shutdownTimeoutMs: 10_000,
    });
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
