import pg from 'pg';
import { PostgresEventStore, LOG_START } from '../libs/event-store/index.js';
const url = 'postgres://postgres@127.0.0.1:5432/benchdev_tmp';
const pool = new pg.Pool({ connectionString: url, max: 10 });
const store = new PostgresEventStore(pool);
for (const batch of [2000, 5000]) {
  const s = performance.now(); let n = 0; let after = LOG_START;
  for (;;) { const r = await store.readAll({ after, limit: batch }); n += r.events.length; after = r.lastPosition; if (r.isEnd) break; }
  const ms = performance.now() - s; console.log('readAll only batch', batch, n, Math.round(n / (ms / 1000)), 'ev/s');
}
// raw query without JSON parsing on the client (text), to split PG+transfer from client parsing
const c = await pool.connect();
let s = performance.now();
const r1 = await c.query({ text: `SELECT global_position, data::text, metadata::text FROM es_events ORDER BY transaction_id, global_position`, rowMode: 'array' });
console.log('one query, jsonb as text, no parse', r1.rows.length, Math.round(performance.now() - s), 'ms');
s = performance.now();
const r2 = await c.query({ text: `SELECT global_position, data, metadata FROM es_events ORDER BY transaction_id, global_position`, rowMode: 'array' });
console.log('one query, jsonb parsed', r2.rows.length, Math.round(performance.now() - s), 'ms');
s = performance.now();
await c.query(`SELECT sum(length(data::text)) FROM es_events`);
console.log('server-side only jsonb->text of all', Math.round(performance.now() - s), 'ms');
const { rows } = await c.query(`SELECT pg_size_pretty(pg_total_relation_size('es_events')) AS size, avg(pg_column_size(data)) AS d, avg(length(data::text)) AS dt FROM es_events`);
console.log(rows);
c.release();
await pool.end();
