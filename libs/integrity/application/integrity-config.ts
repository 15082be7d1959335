import { ConfigError } from '../../platform/index.js';

export interface IntegrityConfig {
  /** How often a digest of all stream heads is recorded (when the log moved); 0 turns the schedule off. */
  readonly digestIntervalMs: number;
}

export const INTEGRITY_CONFIG = Symbol('INTEGRITY_CONFIG');

const DAY_MS = 86_400_000;

/** `INTEGRITY_DIGEST_INTERVAL_MS`: default one hour, 0 = only on demand, at most a week. */
export function loadIntegrityConfig(env: Readonly<Record<string, string | undefined>> = process.env): IntegrityConfig {
  const raw = env.INTEGRITY_DIGEST_INTERVAL_MS?.trim();
  if (!raw) return { digestIntervalMs: 3_600_000 };
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n > 7 * DAY_MS) {
    throw new ConfigError([`INTEGRITY_DIGEST_INTERVAL_MS must be an integer from 0 to ${7 * DAY_MS}, got "${raw}"`]);
  }
  return { digestIntervalMs: n };
}
