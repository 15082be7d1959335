import autocannon, { type Result } from 'autocannon';
import { startApi, type ApiProcess } from './http.js';
import type { BenchConfig } from './support/config.js';
import { log, type Report } from './support/report.js';
import { interleaved } from './support/rounds.js';
import { fmt, median, ratio, withSpread } from './support/stats.js';

/**
 * Phase `replicas`: write throughput (POST /v1/proposals) with two API processes on one PostgreSQL against one, the
 * same load either way (the same autocannon connections, all to the first instance, or split half and half), in
 * interleaved rounds so that both variants meet the same machine. The first instance started runs the projections
 * (it won their advisory locks); the second only serves requests.
 */
export const replicasPhaseRequested = () => (process.env.BENCH_PHASES ?? '').split(',').map((p) => p.trim()).includes('replicas');

const ONE = 'one instance';
const TWO = 'two instances';

export async function replicasPhase(bootstrap: URL, databaseUrl: string, config: BenchConfig, report: Report): Promise<void> {
  const h = config.http;
  const first = await startApi(bootstrap, databaseUrl, config);
  let second: ApiProcess | null = null;
  try {
    second = await startApi(bootstrap, databaseUrl, config);
    // each instance trusts the key in its own DATA_DIR: a token per instance
    const headersOf = async (api: ApiProcess) => ({ 'content-type': 'application/json', ...(await api.authorization(h.roles.split(','))) });
    const targets = [
      { api: first, headers: await headersOf(first) },
      { api: second, headers: await headersOf(second) },
    ];
    const body = JSON.stringify({ title: 'Digital mail for citizens', departmentId: 'citizen-service' });
    for (const { api, headers } of targets) {
      const res = await fetch(`${api.base}/v1/proposals`, { method: 'POST', headers, body });
      if (res.status !== 201) throw new Error(`POST /v1/proposals on ${api.base} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    const load = (target: (typeof targets)[number], connections: number, seconds: number) =>
      autocannon({ url: `${target.api.base}/v1/proposals`, method: 'POST', headers: target.headers, body, connections, duration: seconds, timeout: 10 });
    const half = Math.max(1, Math.floor(h.connections / 2));
    log(`replicas: two API processes on one database; ${h.connections} connections to the first, or ${half} + ${h.connections - half} split`);

    const latencies = new Map<string, number[]>([[ONE, []], [TWO, []]]);
    let failures = 0;
    const slice = async (name: string, round: number) => {
      const seconds = round === 0 ? h.warmupSeconds : h.seconds;
      const results: Result[] = name === ONE ? [await load(targets[0], h.connections, seconds)] : await Promise.all([load(targets[0], half, seconds), load(targets[1], h.connections - half, seconds)]);
      failures += results.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0);
      if (round > 0) latencies.get(name)!.push(Math.max(...results.map((r) => r.latency.p99)));
      return { units: results.reduce((a, r) => a + r['2xx'], 0), ms: Math.max(...results.map((r) => r.duration)) * 1000 };
    };
    const compared = await interleaved([ONE, TWO], h.rounds, slice, (_, line) => log(`replicas: ${line}`));
    const twoOverOne = compared.pairedRatio(TWO, ONE);
    log(`replicas: two instances / one instance = ${ratio(twoOverOne)} (per round ${compared.pairedRatios(TWO, ONE).map((x) => x.toFixed(2)).join(' ')})`);

    for (const name of [ONE, TWO]) {
      report.add({
        phase: 'replicas',
        measure: `POST /v1/proposals, ${name} (${h.connections} connections)`,
        value: `${withSpread(compared.rates(name))} req/s`,
        note: `p99 ${fmt(median(latencies.get(name)!))} ms (median of rounds)`,
      });
    }
    report.add({
      phase: 'replicas',
      measure: 'two instances / one instance',
      value: ratio(twoOverOne),
      note: `per round ${compared.pairedRatios(TWO, ONE).map((x) => x.toFixed(2)).join(' ')}; ${failures ? `${failures} non-2xx/errors/timeouts!` : 'all 2xx'}; one machine: both instances and PostgreSQL share its cores`,
    });
  } finally {
    await second?.stop();
    await first.stop();
  }
}
