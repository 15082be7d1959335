import { describe, expect, it } from '@jest/globals';
import { DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS, loadDatabaseSessionSettings, sessionOptions } from './database-session-settings.js';

describe('database session settings', () => {
  it('bound idle transactions by default, as configured, or not at all with 0', () => {
    expect(loadDatabaseSessionSettings({})).toEqual({ idleInTransactionSessionTimeoutMs: DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS });
    expect(loadDatabaseSessionSettings({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: ' 1500 ' })).toEqual({ idleInTransactionSessionTimeoutMs: 1500 });
    expect(sessionOptions(loadDatabaseSessionSettings({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' }))).toEqual({ idle_in_transaction_session_timeout: 0 });
  });

  it('refuses values PostgreSQL would not take, naming the variable', () => {
    for (const raw of ['-1', '1.5', '30s', '99999999999']) {
      expect(() => loadDatabaseSessionSettings({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: raw })).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
    }
  });
});
