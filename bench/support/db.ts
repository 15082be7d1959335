import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server to benchmark on (a fresh database is created on it and dropped at the end). */
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `bench_<random>` on the server; `drop()` removes it even with sessions still open. */
export async function createBenchDatabase(prefix = 'bench'): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  let dropped = false;
  return {
    name,
    url: withDatabase(SERVER_URL, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A few server settings that explain the figures (durability settings dominate sequential appends). */
export async function serverSettings(): Promise<Record<string, string>> {
  return admin(async (c) => {
    const names = ['server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'jit', 'max_connections'];
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY ($1)`,
      [names],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
}
