import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { actorHeaders } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { call, createdId, draft } from './support/client.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { waitUntil } from './support/wait.js';

const WORKERS = 2;

/** The API workers under the service's primary process. */
function workerPids(primary: number): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(primary), '-o', 'pid='], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** A request on a connection of its own, so that the primary hands each one to the next worker in turn. */
function onNewConnection(url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const options = { agent: false as const, method: payload === undefined ? 'GET' : 'POST', headers: payload === undefined ? headers : { ...headers, 'Content-Type': 'application/json' } };
    request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end(payload);
  });
}

/** The count of a route's requests in an exposition text (summed over status codes). */
function requestCount(metrics: string, route: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes(`route="${route}"`) && line.includes('method="GET"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

describe('API_WORKERS: several API processes share the port', () => {
  let db: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase('faults_workers');
    service = await startService('workers', { databaseUrl: db.url, env: { API_WORKERS: String(WORKERS), LOG_LEVEL: 'info' } });
    await waitUntil(`${WORKERS} workers listen`, () => service.output.some((line) => line.includes('API workers listening')), 60_000, 100);
    expect(workerPids(service.pid)).toHaveLength(WORKERS);
  }, 240_000);

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('answers from every worker, and /metrics counts the requests of all of them together', async () => {
    const id = createdId(await call(service.base, { method: 'POST', path: '/v1/proposals', body: draft('Served by workers') }));
    const headers = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
    const before = requestCount((await onNewConnection(`${service.base}/metrics`, {})).body, '/v1/proposals/:id');
    const requests = 40;
    for (let i = 0; i < requests; i++) {
      const res = await onNewConnection(`${service.base}/v1/proposals/${id}`, headers);
      expect(res.status).toBe(200);
    }
    // each scrape lands on one worker; the total is every worker's count, not that worker's share
    for (let scrape = 0; scrape < WORKERS; scrape++) {
      const metrics = (await onNewConnection(`${service.base}/metrics`, {})).body;
      expect(requestCount(metrics, '/v1/proposals/:id') - before).toBe(requests);
    }
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const [victim] = workerPids(service.pid);
    process.kill(victim, 'SIGKILL');
    // connections the victim held, or was being handed as it died, are lost as with any instance that dies; once
    // the primary has seen the death, new ones go to the worker left
    await waitUntil('the primary sees the worker die', () => service.output.some((line) => line.includes('API worker died')), 10_000, 20);
    const headers = actorHeaders('anna@herning.dk', 'herning', 'programme_office');
    for (let i = 0; i < 4; i++) expect((await onNewConnection(`${service.base}/v1/proposals`, headers, draft(`While a worker restarts ${i}`))).status).toBe(201);
    await waitUntil('a replacement worker runs', () => {
      const pids = workerPids(service.pid);
      return pids.length === WORKERS && !pids.includes(victim);
    }, 60_000, 100);
    await waitUntil('the replacement listens', () => service.output.some((line) => line.includes('"worker":3') && line.includes('listening')), 30_000, 100);
    for (let i = 0; i < 2 * WORKERS; i++) expect((await onNewConnection(`${service.base}/health/live`, {})).status).toBe(200);
  }, 90_000);

  it('closes every worker gracefully on SIGTERM and exits 0', async () => {
    const workers = workerPids(service.pid);
    await service.stop();
    expect(await service.exited).toBe(0);
    expect(workers.filter((pid) => isAlive(pid))).toEqual([]);
  }, 60_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
