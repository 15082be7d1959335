import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { issueDevelopmentToken } from '../libs/platform/auth/development-token.js';
import type { BenchConfig } from './support/config.js';
import { cpuSince, cpuSnapshot } from './support/cpu.js';
import { draftForm } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { interleaved } from './support/rounds.js';
import { fmt, median, ratio, withSpread } from './support/stats.js';

/**
 * Phase 3: the API under load (autocannon, closed loop, N connections): drafting proposals (POST /v1/proposals)
 * and listing them (GET /v1/proposals). The API runs in a child process on a database of its own.
 */

const TARGET_P99_MS = 25;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly dataDir: string;
  readonly base: string;
  readonly output: string[];
  /** `Authorization` headers with a token the API accepts (signed with the key in its DATA_DIR). */
  authorization(roles: readonly string[], subject?: string, organisation?: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** API_WORKERS: processes sharing the port under a primary (default 1: the API is the process itself). */
  readonly workers?: number;
  /** Share another API's DATA_DIR, so that its tokens (signed with the key pair there) are accepted here too. */
  readonly dataDir?: string;
}

export async function startApi(bootstrap: URL, databaseUrl: string, config: BenchConfig, options: StartApiOptions = {}): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bench-api-'));
  const output: string[] = [];
  const child = fork(fileURLToPath(new URL('./support/api-server.js', import.meta.url)), [], {
    env: {
      ...process.env,
      BENCH_API_BOOTSTRAP: bootstrap.href,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: config.http.logLevel,
      NODE_ENV: 'production',
      // one load generator is one client: a per-client limit would measure the limiter
      RATE_LIMIT_PER_MINUTE: '0',
      API_WORKERS: String(options.workers ?? 1),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // BENCH_API_CPU_PROF=<dir>: a V8 CPU profile of the API process, written when it stops
    execArgv: process.env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : [],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start within 90 s:\n${output.slice(-20).join('\n')}`)), 90_000);
    child.on('message', (m: { ready?: boolean; error?: string }) => {
      clearTimeout(timer);
      if (m.ready) resolve();
      else reject(new Error(`API failed to start: ${m.error}\n${output.slice(-20).join('\n')}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} while starting:\n${output.slice(-20).join('\n')}`));
    });
  });
  return {
    child,
    dataDir,
    base: `http://127.0.0.1:${port}`,
    output,
    async authorization(roles, subject = 'bench-user@herning.dk', organisation = 'herning') {
      return { Authorization: `Bearer ${await issueDevelopmentToken({ dataDir, subject, roles, organisation, ttlSeconds: 24 * 3600 })}` };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.send('close');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Endpoint {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

async function probe(base: string, headers: Record<string, string>, e: Endpoint): Promise<{ status: number; text: string }> {
  const res = await fetch(base + e.path, { method: e.method, headers, body: e.body });
  return { status: res.status, text: (await res.text()).slice(0, 300) };
}

export async function httpPhase(bootstrap: URL, databaseUrl: string, config: BenchConfig, report: Report): Promise<void> {
  const h = config.http;
  const api = await startApi(bootstrap, databaseUrl, config);
  log(`http: API listening on ${api.base} (own process, LOG_LEVEL=${h.logLevel}); autocannon in this process, ${h.connections} connections`);
  const headers = { 'content-type': 'application/json', ...(await api.authorization(h.roles.split(','))) };
  try {
    // the realistic draft (most of the form's answers) when the API takes it, else the minimal one
    const rich = JSON.stringify(draftForm(new Random('http-body'), 'citizen-service'));
    const minimal = JSON.stringify({ title: 'Digital mail for citizens', departmentId: 'citizen-service' });
    let post: Endpoint = { name: 'POST /v1/proposals', method: 'POST', path: '/v1/proposals', body: rich };
    let answer = await probe(api.base, headers, post);
    if (answer.status < 200 || answer.status >= 300) {
      log(`http: the full draft body was answered ${answer.status} (${answer.text}); using the minimal body`);
      post = { ...post, body: minimal };
      answer = await probe(api.base, headers, post);
      if (answer.status < 200 || answer.status >= 300) throw new Error(`POST /v1/proposals answered ${answer.status}: ${answer.text}`);
    }
    log(`http: POST body ${Buffer.byteLength(post.body!)} B (${post.body === rich ? 'a fairly complete draft form' : 'title and departmentId only'}), answered ${answer.status}`);
    const list: Endpoint = { name: 'GET /v1/proposals', method: 'GET', path: '/v1/proposals' };
    const listed = await probe(api.base, headers, list);
    if (listed.status !== 200) throw new Error(`GET /v1/proposals answered ${listed.status}: ${listed.text}`);

    const run = (e: Endpoint, seconds: number, overallRate?: number) =>
      autocannon({ url: api.base + e.path, method: e.method, headers, body: e.body, connections: h.connections, duration: seconds, timeout: 10, overallRate });

    /** One measured run, with the CPU it cost the API, PostgreSQL and the load generator. */
    const measured = async (e: Endpoint, acc: Measured) => {
      const before = cpuSnapshot(api.child.pid);
      const r = await run(e, h.seconds);
      const used = cpuSince(before, api.child.pid);
      acc.cpu.api += used.other ?? 0;
      acc.cpu.postgres += used.postgres ?? 0;
      acc.cpu.loadgen += used.self;
      acc.cpu.known &&= used.other !== null && used.postgres !== null;
      acc.results.push(r);
      return r;
    };
    const line = (r: Result) => `${fmt(r['2xx'] / r.duration)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;

    // POST: drafting, the write path (decide on the stream, append, read back)
    await run(post, h.warmupSeconds); // warm-up, not reported
    const posted = newMeasured();
    for (let round = 1; round <= h.rounds; round++) log(`http: ${post.name} round ${round}/${h.rounds}: ${line(await measured(post, posted))}`);
    await summarise(post.name, posted, report, config, async () => {
      const paced = await run(post, h.seconds, h.targetRate);
      log(`http: ${post.name} paced at ${fmt(h.targetRate)} req/s: ${line(paced)}`);
      return paced;
    });

    // GET: the list as migrated, and with the index its default order needs, alternating round by round
    await projectionCaughtUp(databaseUrl);
    const rows = await countProposals(databaseUrl);
    log(`http: ${list.name} over ${fmt(rows)} proposals in the list's read model`);
    const asMigrated = 'as migrated';
    const withIndex = '+ index for the default sort';
    const lists = new Map([[asMigrated, newMeasured()], [withIndex, newMeasured()]]);
    const plans = new Map<string, Awaited<ReturnType<typeof explainList>>>();
    const compared = await interleaved(
      [asMigrated, withIndex],
      h.rounds,
      async (name, round) => {
        await setDefaultSortIndex(databaseUrl, name === withIndex);
        if (!plans.has(name)) plans.set(name, await explainList(databaseUrl));
        if (round === 0) {
          const r = await run(list, h.warmupSeconds);
          return { units: r['2xx'], ms: r.duration * 1000 };
        }
        const r = await measured(list, lists.get(name)!);
        return { units: r['2xx'], ms: r.duration * 1000 };
      },
      (round, text) => log(`http: ${list.name} ${round === 0 ? 'warm-up' : `round ${round}/${h.rounds}`}: ${text.replace(/^[^:]*: /, '')}`),
    );
    await setDefaultSortIndex(databaseUrl, false);
    for (const [name, acc] of lists) {
      await summarise(`${list.name} (${name})`, acc, report, config, async () => {
        await setDefaultSortIndex(databaseUrl, name === withIndex);
        const paced = await run(list, h.seconds, h.targetRate);
        log(`http: ${list.name} (${name}) paced at ${fmt(h.targetRate)} req/s: ${line(paced)}`);
        return paced;
      });
      const plan = plans.get(name);
      if (plan) {
        report.add({ phase: 'http', measure: `  list query in PostgreSQL (${name})`, value: `${plan.ms.toFixed(2)} ms`, note: `EXPLAIN ANALYZE over ${fmt(plan.rows)} rows of the organisation: ${plan.shape}` });
      }
    }
    report.add({ phase: 'http', measure: `${list.name}: with index / as migrated`, value: ratio(compared.pairedRatio(withIndex, asMigrated)), note: `per round ${compared.pairedRatios(withIndex, asMigrated).map((x) => x.toFixed(2)).join(' ')}; index (organisation_id, created_at DESC NULLS LAST, id DESC), created by the bench in its own database only` });
  } catch (err) {
    if (api.output.length) console.error(`API output (last lines):\n${api.output.slice(-20).join('\n')}`);
    throw err;
  } finally {
    await api.stop();
  }
}

export interface Measured {
  readonly results: Result[];
  readonly cpu: { api: number; postgres: number; loadgen: number; known: boolean };
}

export const newMeasured = (): Measured => ({ results: [], cpu: { api: 0, postgres: 0, loadgen: 0, known: true } });

async function summarise(name: string, m: Measured, report: Report, config: BenchConfig, paced: () => Promise<Result>): Promise<void> {
  const h = config.http;
  const rates = m.results.map((r) => r['2xx'] / r.duration);
  const p50 = median(m.results.map((r) => r.latency.p50));
  const p99 = median(m.results.map((r) => r.latency.p99));
  const bad = m.results.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0);
  const met = median(rates) >= h.targetRate && p99 < TARGET_P99_MS;
  report.add({ phase: 'http', measure: `${name}: throughput (${h.connections} connections)`, value: `${withSpread(rates)} req/s`, note: `target ≥ ${fmt(h.targetRate)} req/s with p99 < ${TARGET_P99_MS} ms: ${met ? 'MET' : 'MISSED'}` });
  report.add({ phase: 'http', measure: `  latency p50 / p99 at saturation`, value: `${p50} / ${p99} ms`, note: `median of ${m.results.length} rounds of ${h.seconds} s; ${bad ? `${bad} non-2xx/errors/timeouts!` : 'all 2xx'}` });
  if (m.cpu.known) {
    const served = m.results.reduce((a, r) => a + r['2xx'], 0) || 1;
    const per = (ms: number) => ms / served;
    const sum = per(m.cpu.api) + per(m.cpu.postgres) + per(m.cpu.loadgen);
    report.add({
      phase: 'http',
      measure: `  CPU per request`,
      value: `${sum.toFixed(2)} ms`,
      note: `API ${per(m.cpu.api).toFixed(2)} + PostgreSQL ${per(m.cpu.postgres).toFixed(2)} + autocannon ${per(m.cpu.loadgen).toFixed(2)} ms: ${os.cpus().length} cores cap it near ${fmt((os.cpus().length * 1000) / sum)} req/s`,
    });
  }
  // latency at the target rate (not at saturation), when the API can sustain that rate at all
  if (median(rates) >= h.targetRate * 1.05) {
    const r = await paced();
    report.add({ phase: 'http', measure: `  latency p50 / p99 at ${fmt(h.targetRate)} req/s offered`, value: `${r.latency.p50} / ${r.latency.p99} ms`, note: `one paced run; served ${fmt(r['2xx'] / r.duration)} req/s` });
  } else {
    report.add({ phase: 'http', measure: `  latency at ${fmt(h.targetRate)} req/s offered`, value: 'n/a', note: 'saturation throughput is below that rate' });
  }
}

const DEFAULT_SORT_INDEX = 'bench_proposal_summaries_default_sort';

/** The index the default list order (created_at DESC NULLS LAST, id DESC within an organisation) would need. */
async function setDefaultSortIndex(url: string, present: boolean): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      present
        ? `CREATE INDEX IF NOT EXISTS ${DEFAULT_SORT_INDEX} ON proposal_summaries (organisation_id, created_at DESC NULLS LAST, id DESC)`
        : `DROP INDEX IF EXISTS ${DEFAULT_SORT_INDEX}`,
    );
  } finally {
    await c.end();
  }
}

/** The API projects asynchronously: let it finish the drafts just posted so that the list runs alone. */
async function projectionCaughtUp(url: string, timeoutMs = 60_000): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await c.query<{ behind: string }>(
        `SELECT (SELECT count(*) FROM es_streams WHERE stream_id LIKE 'proposal-%') - (SELECT count(*) FROM proposal_summaries) AS behind`,
      );
      if (Number(rows[0].behind) <= 0 || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch {
    // another schema than expected: nothing to wait for
  } finally {
    await c.end();
  }
}

async function countProposals(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM proposal_summaries`);
    return Number(rows[0].n);
  } catch {
    return NaN;
  } finally {
    await c.end();
  }
}

/** The default list's query (what ListProposals runs without filters), to show how it is executed at this size. */
async function explainList(url: string): Promise<{ ms: number; rows: number; shape: string } | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('ANALYZE proposal_summaries');
    const sql = `SELECT * FROM proposal_summaries p WHERE p.organisation_id = 'herning' ORDER BY p.created_at DESC NULLS LAST, p.id DESC LIMIT 21`;
    const { rows } = await c.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    const [root] = rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[];
    const shape: string[] = [];
    for (let n: PlanNode | undefined = root.Plan; n; n = n.Plans?.[0]) shape.push(n['Node Type'] + (n['Index Name'] ? ` ${n['Index Name']}` : ''));
    const { rows: count } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM proposal_summaries WHERE organisation_id = 'herning'`);
    return { ms: root['Execution Time'], rows: Number(count[0].n), shape: shape.join(' ← ') };
  } catch {
    return null;
  } finally {
    await c.end();
  }
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: PlanNode[];
}
