import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/tokens.js';

export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What reserving a key found: the caller may run, or another request owns the key. */
export type Reservation =
  | { readonly outcome: 'reserved' }
  | { readonly outcome: 'completed'; readonly response: StoredResponse }
  | { readonly outcome: 'in_flight' }
  | { readonly outcome: 'mismatch' };

/**
 * A reservation left behind by a crashed process would block its key forever; after this long an unfinished
 * reservation is taken over by the next retry. Longer than any request should take.
 */
export const RESERVATION_LEASE_SECONDS = 300;

/** `http_idempotency` on the application's pool (see the migration beside it). */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async reserve(scope: string, key: string, hash: string): Promise<Reservation> {
    // a row may vanish between the insert and the read (its handler failed and released it): try again
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.pool.query(
        `INSERT INTO http_idempotency AS h (key, scope, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO UPDATE SET created_at = now()
           WHERE NOT h.completed AND h.request_hash = EXCLUDED.request_hash
             AND h.created_at < now() - make_interval(secs => $4)
         RETURNING 1`,
        [key, scope, hash, RESERVATION_LEASE_SECONDS],
      );
      if (inserted.rowCount === 1) return { outcome: 'reserved' };

      const { rows } = await this.pool.query<{ request_hash: string; completed: boolean; status: number; headers: Record<string, string>; body: unknown }>(
        'SELECT request_hash, completed, status, headers, body FROM http_idempotency WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      const row = rows[0];
      if (!row) continue;
      if (row.request_hash !== hash) return { outcome: 'mismatch' };
      if (!row.completed) return { outcome: 'in_flight' };
      return { outcome: 'completed', response: { status: row.status, headers: row.headers ?? {}, body: row.body } };
    }
    return { outcome: 'in_flight' };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE http_idempotency SET completed = true, status = $3, headers = $4, body = $5
       WHERE scope = $1 AND key = $2 AND NOT completed`,
      [scope, key, response.status, JSON.stringify(response.headers), response.body === undefined ? null : JSON.stringify(response.body)],
    );
  }

  /** Frees a key whose handler failed, so that a retry runs it again. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM http_idempotency WHERE scope = $1 AND key = $2 AND NOT completed', [scope, key]);
  }
}
