import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { PostgresEventStore, type NewEvent } from '../../libs/event-store/index.js';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { SUBMITTABLE } from '../support/proposals.js';
import { BuiltCli, finish, stderrShows } from './built-cli.js';

const herning = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
/** Events of a type no projection handles: every rebuild still reads them, which makes it take a while. */
const FILLER_EVENTS = 20_000;

describe('the operations CLI, run as a process', () => {
  let cli: BuiltCli;
  let source: TestDatabase;
  let target: TestDatabase;
  let sourcePool: pg.Pool;
  let targetPool: pg.Pool;
  let tables: string[];
  let projections: string[];
  let liveModel: Record<string, string[]>;
  const work = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  const env = (db: TestDatabase) => ({ DATABASE_URL: db.url });

  /** Every row of every projection table, as text, in a stable order. */
  async function readModel(pool: pg.Pool): Promise<Record<string, string[]>> {
    const model: Record<string, string[]> = {};
    for (const table of tables) model[table] = (await pool.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`)).rows.map((r) => r.row);
    return model;
  }

  /** The log in read order without the positions a database hands out (an import gets new ones). */
  async function log(pool: pg.Pool): Promise<unknown[]> {
    const { rows } = await pool.query(
      `SELECT stream_id, stream_position, event_id, type, schema_version, data::text, metadata::text, recorded_at, encode(previous_hash, 'hex') AS previous_hash, encode(hash, 'hex') AS hash
         FROM es_events ORDER BY transaction_id, global_position`,
    );
    return rows;
  }

  beforeAll(async () => {
    cli = BuiltCli.build();
    // real read models: proposals drafted and submitted through the API, then the API stopped (its database kept)
    const { app, db } = await startTestApp('cli_source');
    source = db;
    target = await createTestDatabase('cli_target');
    sourcePool = new pg.Pool({ connectionString: source.url, max: 2 });
    targetPool = new pg.Pool({ connectionString: target.url, max: 2 });
    try {
      let position = '';
      for (const title of ['Digital post', 'Parking permits', 'Case archive']) {
        const drafted = await request(app.getHttpServer()).post('/v1/proposals').set(herning).send({ ...SUBMITTABLE, title, departmentId: 'citizen-service' });
        expect(drafted.status).toBe(201);
        const submitted = await request(app.getHttpServer()).post(`/v1/proposals/${drafted.body.id}/submit`).set(herning).set('If-Match', '"1"');
        expect(submitted.status).toBe(200);
        position = submitted.headers['x-log-position'];
      }
      const runtime = app.get(ProjectionRuntime);
      projections = runtime.registered().map((p) => p.name);
      tables = runtime.registered().flatMap((p) => p.tables);
      const [commit, prepare] = position.split('.').map(BigInt);
      await runtime.waitFor(projections, { commit, prepare }, 20_000);
      // process managers append after those positions (a submitted proposal enters the portfolio): wait until the
      // log stops growing and every projection has applied all of it, so the live model is the whole log's
      let head = '';
      for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
        const statuses = await runtime.status();
        const now = `${statuses[0].headPosition.commit}.${statuses[0].headPosition.prepare}`;
        if (now === head && statuses.every((st) => st.caughtUp)) break;
        if (Date.now() > deadline) throw new Error('the projections did not settle');
        head = now;
      }
    } finally {
      await app.close();
    }
    const store = new PostgresEventStore(sourcePool);
    const metadata = { actor: { subject: 'ops@herning.dk', roles: ['administrator'] }, correlationId: randomUUID() };
    for (let i = 0; i < FILLER_EVENTS / 100; i++) {
      const events: NewEvent[] = Array.from({ length: 100 }, (_, j) => ({ type: 'OperationsFillerRecorded', data: { n: i * 100 + j }, metadata }));
      await store.append(`filler-${i}`, events, { expectedVersion: 'no_stream' });
    }
    liveModel = await readModel(sourcePool);
    expect(liveModel.proposal_summaries).toHaveLength(3);
  }, 180_000);

  afterAll(async () => {
    await sourcePool?.end();
    await targetPool?.end();
    await Promise.all([source?.drop(), target?.drop()]);
    cli?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  describe('migrate', () => {
    it('migrates an empty database, and has nothing left to do the second time', async () => {
      const empty = await createTestDatabase('cli_migrate');
      try {
        const first = await cli.run(['migrate'], env(empty));
        expect(first).toMatchObject({ code: 0, stderr: expect.stringMatching(/^applied \d+ migration\(s\): ProjectionCheckpoints\d+, /) });
        expect(await cli.run(['migrate'], env(empty))).toMatchObject({ code: 0, stderr: 'schema is up to date\n' });
      } finally {
        await empty.drop();
      }
      // the service migrated this one on start
      expect(await cli.run(['migrate'], env(source))).toMatchObject({ code: 0, stderr: 'schema is up to date\n' });
    });
  });

  describe('status', () => {
    it('prints every projection with its position and its lag behind the log', async () => {
      const res = await cli.run(['status'], env(source));
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^log head \d+\.\d+\n/);
      for (const name of projections) expect(res.stdout).toMatch(new RegExp(`^${name}\\s+\\d+\\s+\\d+\\.\\d+\\s+[\\d,]+`, 'm'));
      const json = await cli.run(['status', '--json'], env(source));
      const parsed = JSON.parse(json.stdout) as { headPosition: string; projections: { projection: string; lagEvents: number; note: string }[] };
      expect(parsed.projections.map((p) => p.projection).sort()).toEqual([...projections].sort());
      // the service was stopped before the filler was appended: every projection is that far behind
      for (const p of parsed.projections) expect(p.lagEvents).toBeGreaterThanOrEqual(FILLER_EVENTS);
      for (const p of parsed.projections) expect(p.note).toBe('behind');
    });
  });

  describe('rebuild', () => {
    it('rebuilds every projection to the identical read model, with plain progress lines when stderr is not a terminal', async () => {
      await sourcePool.query('DELETE FROM proposal_summaries'); // only a real rebuild brings these back
      const res = await cli.run(['rebuild', 'all'], env(source));
      expect(res.code).toBe(0);
      expect(await readModel(sourcePool)).toEqual(liveModel);
      for (const name of projections) expect(res.stderr).toMatch(new RegExp(`^rebuilt ${name} \\(version \\d+\\): [\\d,]+ events read in \\d+`, 'm'));
      expect(res.stderr).toMatch(/^rebuild proposal_summaries: 0\/[\d,]+ events \(0%\)/m);
      expect(res.stderr).toContain(`rebuilt ${projections.length} projections in`);
      expect(res.stderr).not.toContain('\u001b[');
      const status = JSON.parse((await cli.run(['status', '--json'], env(source))).stdout) as { projections: { lagEvents: number }[] };
      for (const p of status.projections) expect(p.lagEvents).toBe(0);
    });

    it('stops cleanly on Ctrl-C, leaving the live read model as it was, and a rerun completes', async () => {
      await sourcePool.query('DELETE FROM proposal_summaries');
      const checkpoint = async () => (await sourcePool.query(`SELECT * FROM projection_checkpoints WHERE name = 'proposal_summaries'`)).rows;
      const before = await checkpoint();
      const child = cli.spawn(['rebuild', 'proposal_summaries', '--batch-size', '10'], env(source));
      const result = finish(child);
      await stderrShows(child, 'rebuild proposal_summaries: 0/');
      child.kill('SIGINT');
      const res = await result;
      expect(res.code).toBe(130);
      expect(res.stderr).toContain('rebuild of proposal_summaries stopped: its live read model is unchanged');
      expect(res.stderr).toMatch(/interrupted\n$/);
      expect((await readModel(sourcePool)).proposal_summaries).toEqual([]);
      expect(await checkpoint()).toEqual(before);
      expect((await sourcePool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`)).rows).toEqual([]);

      const rerun = await cli.run(['rebuild', 'proposal_summaries'], env(source));
      expect(rerun.code).toBe(0);
      expect(await readModel(sourcePool)).toEqual(liveModel);
    });
  });

  describe('export and import', () => {
    const file = join(work, 'log.ndjson');
    const keys = join(work, 'keys.ndjson');

    it('exports the whole log to a file, and a filtered part to stdout', async () => {
      const res = await cli.run(['export', '--out', file, '--keys', keys], env(source));
      expect(res.code).toBe(0);
      expect(statSync(keys).mode & 0o777).toBe(0o600);
      expect(res.stderr).toMatch(/exported the personal-data keys of [1-9]\d* people \(0 erased\)/);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const { rows } = await sourcePool.query('SELECT count(*)::int AS n FROM es_events');
      expect(lines).toHaveLength(rows[0].n);
      expect(res.stderr).toContain(`exported ${rows[0].n.toLocaleString('en-US')} events in`);
      expect(existsSync(`${file}.partial`)).toBe(false);

      const part = await cli.run(['export', '--stream-prefix', 'proposal-'], env(source));
      expect(part.code).toBe(0);
      const streams = part.stdout.trim().split('\n').map((l) => JSON.parse(l).streamId as string);
      expect(streams.length).toBeGreaterThanOrEqual(6);
      for (const stream of streams) expect(stream.startsWith('proposal-')).toBe(true);
    });

    it('imports into an empty database the identical log and, rebuilt, identical read models; a rerun imports nothing', async () => {
      expect((await cli.run(['migrate'], env(target))).code).toBe(0);
      const res = await cli.run(['import', file, '--keys', keys], env(target));
      expect(res.code).toBe(0);
      const total = (await log(sourcePool)).length;
      expect(res.stderr).toContain(`${total.toLocaleString('en-US')} imported, 0 already present`);
      expect(await log(targetPool)).toEqual(await log(sourcePool));
      expect((await cli.run(['rebuild', 'all'], env(target))).code).toBe(0);
      expect(await readModel(targetPool)).toEqual(liveModel);

      const again = await cli.run(['import', '-'], env(target), readFileSync(file, 'utf8'));
      expect(again.code).toBe(0);
      expect(again.stderr).toContain(`0 imported, ${total.toLocaleString('en-US')} already present`);
      expect(await log(targetPool)).toEqual(await log(sourcePool));
    });
  });

  describe('verify', () => {
    it('answers 0 for an intact log and 1 naming the first broken link for an altered one', async () => {
      const intact = await cli.run(['verify'], env(source));
      expect(intact).toMatchObject({ code: 0, stdout: 'intact\n' });

      // a superuser edits an event behind the append-only guard's back
      const client = await targetPool.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await client.query(`UPDATE es_events SET data = '{"n": -1}' WHERE stream_id = 'filler-7' AND stream_position = 3`);
      } finally {
        await client.query('RESET session_replication_role');
        client.release();
      }
      const broken = await cli.run(['verify'], env(target));
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/error: the log is NOT intact: \d+ broken link\(s\); the first: .* stream filler-7 version 3/);
    });
  });

  describe('token', () => {
    it('prints a development token signed with the key in DATA_DIR', async () => {
      const res = await cli.run(['token', '--subject', 'anna@herning.dk', '--roles', 'programme_office,director', '--organisation', 'herning', '--ttl', '600'], { DATA_DIR: join(work, 'data') });
      expect(res.code).toBe(0);
      const [, payload] = res.stdout.trim().split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      expect(claims).toMatchObject({ sub: 'anna@herning.dk' });
      expect(claims.exp - claims.iat).toBe(600);
    });
  });

  describe('exit codes', () => {
    const cases: [string, string[], Record<string, string>, RegExp][] = [
      ['no command', [], {}, /Usage: cli/],
      ['an unknown command', ['frobnicate'], {}, /unknown command 'frobnicate'/],
      ['a missing argument', ['rebuild'], {}, /missing required argument 'projection'/],
      ['an unknown projection', ['rebuild', 'no_such_view'], {}, /no projection named "no_such_view"; known: all, .*proposal_summaries/],
      ['a time without a zone', ['export', '--from', '2027-01-01'], {}, /--from .*ISO 8601 timestamp with a time zone/],
      ['an unknown role', ['token', '--subject', 'a', '--roles', 'emperor', '--organisation', 'herning'], {}, /--roles must list roles from: .*unknown: emperor/],
      ['an invalid setting', ['status'], { DATABASE_URL: 'mysql://db/app' }, /DATABASE_URL must be a postgres:\/\//],
    ];
    it.each(cases)('exits 2 on bad usage: %s', async (_, args, extra, message) => {
      const res = await cli.run(args, { ...env(source), ...extra });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(res.stdout).toBe('');
    });

    it('exits 0 for help', async () => {
      const res = await cli.run(['rebuild', '--help'], {});
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('Usage: cli rebuild [options] <projection>');
    });

    it('exits 1 when the work fails: the database cannot be reached', async () => {
      const res = await cli.run(['export'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/^error: .*ECONNREFUSED/m);
    });
  });
});
