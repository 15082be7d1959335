/** Settings every connection the service opens to PostgreSQL carries. */
export interface DatabaseSessionSettings {
  /**
   * PostgreSQL ends a session of ours whose transaction stays idle longer than this (0: never). An open transaction
   * holds back every reader of the global log (they see nothing that committed after it began), so a transaction
   * left open by a stuck request must not stall the projections for longer than this.
   */
  readonly idleInTransactionSessionTimeoutMs: number;
}

export const IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE = 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS';

/** Far above any transaction of ours (a projection batch is idle between its statements for milliseconds). */
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS` (milliseconds, 0 switches the bound off). */
export function loadDatabaseSessionSettings(env: Env = process.env): DatabaseSessionSettings {
  const raw = env[IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE]?.trim();
  if (!raw) return { idleInTransactionSessionTimeoutMs: DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS };
  const ms = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(ms) || ms > 2_147_483_647) {
    throw new Error(`${IDLE_IN_TRANSACTION_TIMEOUT_VARIABLE} must be a whole number of milliseconds from 0 to 2147483647, got "${raw}"`);
  }
  return { idleInTransactionSessionTimeoutMs: ms };
}

/** The `pg` client options (for `pg.Pool` and TypeORM's `extra`) that apply the settings to each new session. */
export function sessionOptions(settings: DatabaseSessionSettings): { idle_in_transaction_session_timeout: number } {
  return { idle_in_transaction_session_timeout: settings.idleInTransactionSessionTimeoutMs };
}
