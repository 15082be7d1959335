import os from 'node:os';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { newMeasured, startApi, type ApiProcess } from './http.js';
import type { BenchConfig } from './support/config.js';
import { cpuSince, cpuSnapshot } from './support/cpu.js';
import { PostgresEventStore } from '../libs/event-store/index.js';
import { DEPARTMENTS, generateProposal, metadataFor } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { fmt, median, ratio, sleep, withSpread } from './support/stats.js';

/**
 * Phase 4: the forum view, GET /v1/forums/{forumId}/portfolio, over an organisation with many submitted proposals
 * (most of them scored against the forum's Herning model). Everything is set up through the API, as the steering
 * group's year e2e test does, then the view is measured with autocannon like the http phase.
 */

const ALL_KINDS = ['approve', 'reject', 'defer', 'request_changes', 'escalate', 'reprioritise', 'close'];
const SIMPLE_MAJORITY = { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } };
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  position: string | null;
}

export async function forumPhase(bootstrap: URL, databaseUrl: string, config: BenchConfig, report: Report): Promise<void> {
  const h = config.http;
  const f = config.forum;
  const api = await startApi(bootstrap, databaseUrl, config);
  const extra: ApiProcess[] = [];
  const headers = { 'content-type': 'application/json', ...(await api.authorization(['programme_office'], 'anna@herning.dk')) };
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(api.base + path, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, text, position: res.headers.get('x-log-position') };
  };
  const ok = async (status: number, method: string, path: string, body?: unknown): Promise<Answer> => {
    const a = await call(method, path, body);
    if (a.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${a.status}: ${a.text.slice(0, 300)}`);
    return a;
  };
  try {
    log(`forum: API listening on ${api.base}; setting up Herning, its steering group, the Herning model, a pool and meetings`);
    await ok(201, 'POST', '/v1/organisations', { id: 'herning', name: 'Herning Kommune', kind: 'municipality' });
    for (const id of DEPARTMENTS) await ok(201, 'POST', '/v1/organisations/herning/departments', { id, name: id });
    const directorate = (
      await ok(201, 'POST', '/v1/forums', { name: 'Direktionen', kind: 'directorate', mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: SIMPLE_MAJORITY })
    ).body.id as string;
    const forumId = (
      await ok(201, 'POST', '/v1/forums', {
        name: 'Styregruppen for Digital Forvaltning',
        kind: 'steering_group',
        parentForumId: directorate,
        mandate: { decisionKinds: ALL_KINDS, investmentAreas: [], departmentIds: [], maximumAmount: dkk(2_000_000) },
        decisionRule: SIMPLE_MAJORITY,
      })
    ).body.id as string;
    const today = new Date();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const inAYear = new Date(today.getTime() + 365 * 86_400_000);
    await ok(200, 'PUT', `/v1/forums/${forumId}/meeting-rule`, {
      frequency: 'monthly',
      dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 },
      time: '14:00',
      timeZone: 'Europe/Copenhagen',
      durationMinutes: 120,
      exceptMonths: [7],
      startDate: `${today.getUTCFullYear()}-01-01`,
    });
    const scheduled = (await ok(200, 'POST', `/v1/forums/${forumId}/meetings/schedule`, { from: day(today), to: day(inAYear) })).body.scheduled as unknown[];
    const modelId = (await ok(201, 'POST', '/v1/scoring-models', { forumId, template: 'herning_default' })).body.id as string;
    await ok(201, 'POST', '/v1/funding-pools', { forumId, year: today.getUTCFullYear(), name: 'Udviklingspuljen', amount: dkk(5_000_000) });
    log(`forum: forum ${forumId}, model ${modelId}, ${scheduled.length} meetings scheduled; now ${fmt(f.proposals)} proposals (draft, submit, ${Math.round(f.scoredShare * 100)} % scored) with ${f.setupConcurrency} concurrent clients`);

    // the proposals: their histories (Drafted, Amended, Amended, Submitted, made by the domain's own decide) appended
    // straight into the API's event store, as the API would; then most of them scored through the API
    const started = performance.now();
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
    const store = new PostgresEventStore(pool);
    const ids: string[] = [];
    try {
      let nextAppend = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = nextAppend++; i < f.proposals; i = nextAppend++) {
            const p = generateProposal(i, 'forum', 'herning');
            const r = new Random(`forum:meta:${i}`);
            const metadata = metadataFor(r, 'herning');
            ids[i] = p.proposalId;
            await store.append(`proposal-${p.proposalId}`, p.events.map((e) => ({ eventId: r.uuid(), type: e.type, data: e.data, metadata })), { expectedVersion: 'no_stream' });
          }
        }),
      );
    } finally {
      await store.close?.();
      await pool.end().catch(() => undefined);
    }
    const appendSeconds = (performance.now() - started) / 1000;
    log(`forum: ${fmt(f.proposals)} proposal histories (${fmt(f.proposals * 4)} events) appended in ${appendSeconds.toFixed(1)} s; scoring through the API`);
    let next = 0;
    let done = 0;
    let scored = 0;
    let lastPosition: string | null = null;
    const progress = setInterval(() => log(`forum: ${fmt(done)}/${fmt(f.proposals)} proposals scored or skipped`), 10_000);
    try {
      await Promise.all(
        Array.from({ length: f.setupConcurrency }, async () => {
          for (let i = next++; i < f.proposals; i = next++) {
            if ((i % 100) / 100 < f.scoredShare) {
              const r = new Random(`forum:scores:${i}`);
              const scores = {
                legal_requirement: r.int(1, 5),
                faces_citizens_or_businesses: r.int(1, 5),
                gain_for_the_business: r.int(1, 5),
                expected_economic_gain: r.int(1, 5),
              };
              lastPosition = (await ok(201, 'POST', `/v1/proposals/${ids[i]}/scores`, { assessorKind: 'department', forumId, modelId, modelVersion: 1, scores })).position ?? lastPosition;
              scored++;
            }
            done++;
          }
        }),
      );
    } finally {
      clearInterval(progress);
    }
    const writeSeconds = (performance.now() - started) / 1000;
    const scoreSeconds = writeSeconds - appendSeconds;
    log(`forum: ${fmt(scored)} proposals scored in ${scoreSeconds.toFixed(1)} s: ${fmt(scored / scoreSeconds)} score requests/s`);
    report.add({ phase: 'forum', measure: 'set-up', value: `${writeSeconds.toFixed(1)} s`, note: `${fmt(f.proposals)} submitted proposals appended directly (${appendSeconds.toFixed(1)} s), ${fmt(scored)} scored through the API (${fmt(scored / scoreSeconds)}/s, ${f.setupConcurrency} clients)` });

    // projections catch up: the view waits for the last write, then every projection's lag must be zero
    const caughtUpStarted = performance.now();
    const path = `/v1/forums/${forumId}/portfolio`;
    for (let attempt = 0; ; attempt++) {
      const a = await call('GET', path, undefined, lastPosition ? { 'X-Min-Position': lastPosition } : {});
      if (a.status === 200) break;
      if (attempt > 60) throw new Error(`forum view did not catch up: ${a.status} ${a.text.slice(0, 200)}`);
      await sleep(500);
    }
    for (const deadline = Date.now() + 120_000; ; ) {
      const ready = await call('GET', '/health/ready');
      const lag = sumLag(ready.body);
      if (lag === 0) break;
      if (Date.now() > deadline) throw new Error(`projections still ${lag} events behind after 120 s`);
      await sleep(250);
    }
    log(`forum: projections caught up ${((performance.now() - caughtUpStarted) / 1000).toFixed(1)} s after the last write`);

    // what the view returns
    const probe = await ok(200, 'GET', path);
    const size = Buffer.byteLength(probe.text);
    const view = probe.body as { prioritised: unknown[]; unprioritised: unknown[]; pools: unknown[]; upcomingMeetings: unknown[]; page: { prioritisedTotal: number; unprioritisedTotal: number; limit: number } };
    const rows = view.prioritised.length + view.unprioritised.length;
    const listed = `${fmt(view.page.prioritisedTotal)} prioritised + ${fmt(view.page.unprioritisedTotal)} unprioritised in the list`;
    log(`forum: GET ${path}: ${fmt(size / 1024)} KiB, a page of ${fmt(rows)} rows of ${listed}, ${view.pools.length} pool(s), ${view.upcomingMeetings.length} upcoming meetings`);
    report.add({ phase: 'forum', measure: 'GET /v1/forums/{id}/portfolio: response', value: `${fmt(size / 1024)} KiB`, note: `first page of ${fmt(rows)} rows (default limit ${view.page.limit}) of ${listed}; ${view.pools.length} pool(s), ${view.upcomingMeetings.length} upcoming meetings; ${fmt(size / Math.max(1, rows))} B per row` });

    // one request at a time: the latency of a page of the view without queueing
    const timeOne = async (extra: Record<string, string> = {}) => {
      const t = performance.now();
      const a = await call('GET', path, undefined, extra);
      if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${a.text.slice(0, 200)}`);
      return performance.now() - t;
    };
    const single: number[] = [];
    for (let i = 0; i < 25; i++) single.push(await timeOne());
    const measuredSingle = single.slice(5);
    const singleMs = median(measuredSingle);
    log(`forum: one request at a time: ${singleMs.toFixed(2)} ms (median of ${measuredSingle.length})`);

    // the first request after a change derives the view again: ranks every proposal of the forum
    const derive: number[] = [];
    for (let i = 0; i < 3; i++) {
      const change = await ok(201, 'POST', `/v1/proposals/${ids[i]}/scores`, { assessorKind: 'forum', forumId, modelId, modelVersion: 1, scores: { legal_requirement: 5, faces_citizens_or_businesses: 1 + i, gain_for_the_business: 3, expected_economic_gain: 2 } });
      for (const deadline = Date.now() + 30_000; sumLag((await call('GET', '/health/ready')).body) !== 0; await sleep(20)) {
        if (Date.now() > deadline) throw new Error('projections did not catch up with a single score');
      }
      derive.push(await timeOne({ 'X-Min-Position': change.position ?? '' }));
    }
    const deriveMs = median(derive);
    log(`forum: first request after a change (derives the view: ranks ${listed}): ${deriveMs.toFixed(0)} ms (median of ${derive.length})`);
    const roundSeconds = h.seconds;
    const rounds = h.rounds;
    const timeoutSeconds = 30;

    // the load, side by side in the same rounds: this API (one process) and a second one on the same database with
    // API_WORKERS=2 (its primary hands connections to two worker processes); each warmed up first
    const workers = await startApi(bootstrap, databaseUrl, config, { workers: 2, dataDir: api.dataDir });
    extra.push(workers);
    const variants = [
      { name: 'one process', base: api.base, pid: api.child.pid!, m: newMeasured() },
      { name: 'API_WORKERS=2', base: workers.base, pid: workers.child.pid!, m: newMeasured() },
    ];
    const run = (base: string, seconds: number) => autocannon({ url: base + path, method: 'GET', headers, connections: h.connections, duration: seconds, timeout: timeoutSeconds });
    const line = (r: Result) => `${fmt(r['2xx'] / r.duration, 1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`;
    for (const v of variants) log(`forum: ${v.name}: warm-up ${h.warmupSeconds} s: ${line(await run(v.base, h.warmupSeconds))}`);
    // PostgreSQL's CPU with the API idle (projection polling, background writers): spread over few requests, it matters
    const idle = cpuSnapshot(api.child.pid);
    await sleep(2000);
    const idleUsed = cpuSince(idle, api.child.pid);
    const idlePerSecond = { api: (idleUsed.other ?? NaN) / 2, postgres: (idleUsed.postgres ?? NaN) / 2 };
    for (let round = 1; round <= rounds; round++) {
      // the order rotates, so neither always runs first
      for (const v of round % 2 ? variants : [...variants].reverse()) {
        const before = cpuSnapshot(v.pid);
        const r = await run(v.base, roundSeconds);
        const used = cpuSince(before, v.pid);
        v.m.cpu.api += used.other ?? 0;
        v.m.cpu.postgres += used.postgres ?? 0;
        v.m.cpu.loadgen += used.self;
        v.m.cpu.known &&= used.other !== null && used.postgres !== null;
        v.m.results.push(r);
        log(`forum: ${v.name}: round ${round}/${rounds}: ${line(r)}`);
      }
    }
    report.add({ phase: 'forum', measure: 'GET /v1/forums/{id}/portfolio: latency, one request at a time', value: `${singleMs.toFixed(2)} ms`, note: `median of ${measuredSingle.length} sequential requests for the first page (after 5 unmeasured), one process` });
    report.add({ phase: 'forum', measure: '  first request after a change', value: `${deriveMs.toFixed(0)} ms`, note: `median of ${derive.length}: a score recorded, projections caught up, then one request derives the view again (ranks all ${fmt(view.page.prioritisedTotal + view.page.unprioritisedTotal)} requests and serialises their rows)` });
    const rateOf = (v: (typeof variants)[number]) => v.m.results.map((r) => r['2xx'] / r.duration);
    for (const v of variants) {
      const rates = rateOf(v);
      const p50 = median(v.m.results.map((r) => r.latency.p50));
      const p99 = median(v.m.results.map((r) => r.latency.p99));
      const bad = v.m.results.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0);
      const met = median(rates) >= f.targetRate && p99 < f.targetP99Ms;
      report.add({ phase: 'forum', measure: `GET /v1/forums/{id}/portfolio, ${v.name}: throughput (${h.connections} connections)`, value: `${withSpread(rates, rates.some((x) => x < 100) ? 1 : 0)} req/s`, note: `target ≥ ${fmt(f.targetRate)} req/s with p99 < ${f.targetP99Ms} ms: ${met ? 'MET' : 'MISSED'}` });
      report.add({ phase: 'forum', measure: '  latency p50 / p99 at saturation', value: v.m.results.every((r) => r['2xx'] === 0) ? `> ${timeoutSeconds * 1000} ms` : `${p50} / ${p99} ms`, note: `median of ${v.m.results.length} round(s) of ${roundSeconds} s; ${bad ? `${bad} non-2xx/errors/timeouts!` : 'all 2xx'}` });
      if (v.m.cpu.known) {
        const served = v.m.results.reduce((a, r) => a + r['2xx'], 0) || 1;
        const apiMs = v.m.cpu.api / served;
        const pgMs = v.m.cpu.postgres / served;
        const loadgen = v.m.cpu.loadgen / served;
        const sum = apiMs + pgMs + loadgen;
        report.add({
          phase: 'forum',
          measure: '  CPU per request',
          value: `${sum.toFixed(2)} ms`,
          note: `API ${apiMs.toFixed(2)} + PostgreSQL ${pgMs.toFixed(2)} + autocannon ${loadgen.toFixed(2)} ms: ${os.cpus().length} cores cap it near ${fmt((os.cpus().length * 1000) / sum)} req/s` +
            (v === variants[0] ? `; idle, the API uses ${idlePerSecond.api.toFixed(0)} and PostgreSQL ${idlePerSecond.postgres.toFixed(0)} ms of CPU per second` : ''),
        });
      }
    }
    const [one, two] = variants.map(rateOf);
    report.add({ phase: 'forum', measure: 'GET /v1/forums/{id}/portfolio: API_WORKERS=2 / one process', value: ratio(median(two.map((x, i) => x / one[i]))), note: `per round ${two.map((x, i) => (x / one[i]).toFixed(2)).join(' ')}` });
    report.note(
      'forum: a page comes from the view derived once per change, pre-serialised, so no query or ranking runs per request; what is left is the HTTP stack, ' +
        'which one Node process runs on one core. API_WORKERS=2 runs two processes behind one port (the primary hands each connection to the next worker), so the API uses both cores. BENCH_API_CPU_PROF=<dir> writes a V8 profile of the one-process API.',
    );
  } catch (err) {
    if (api.output.length) console.error(`API output (last lines):\n${api.output.slice(-20).join('\n')}`);
    throw err;
  } finally {
    await Promise.all(extra.map((a) => a.stop()));
    await api.stop();
  }
}

/** Sum of every `lagEvents` (or `lag`) figure in the /health/ready answer; NaN when it has none. */
function sumLag(body: unknown): number {
  let sum = 0;
  let seen = false;
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'lagEvents' || k === 'lag') && typeof x === 'number') {
        sum += x;
        seen = true;
      } else walk(x);
    }
  };
  walk(body);
  return seen ? sum : 0;
}
