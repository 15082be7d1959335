import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import fc from 'fast-check';
import type pg from 'pg';
import request from 'supertest';
import { PG_POOL } from '../../libs/platform/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { declaredRoutes } from '../support/routes.js';

const RUNS = Number(process.env.FAULTS_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FAULTS_FUZZ_SEED ?? 20261125);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PLAIN_TYPES = new Set<unknown>([Object, Array, String, Number, Boolean]);

const INJECTIONS = [
  "'; DROP TABLE es_events; --", "1' OR '1'='1", '" OR ""="', '$(reboot)', '`id`', '<script>alert(1)</script>', '{{7*7}}', '${7*7}',
  '../../../../etc/passwd', '%00', '\u0000', '\uFEFF', '\u202E', 'null', 'undefined', 'NaN', '-0', '1e309', 'ø'.repeat(5_000),
  '__proto__', 'constructor', '😀'.repeat(100), 'a'.repeat(70_000),
];
const HUGE_NUMBERS = ['1e309', '-1e309', '123456789012345678901234567890', '9007199254740993', '-9007199254740993', '0.1e-400', '1E+999999'];

/** One hostile request: everything about it random, with at least one defect that must make the service refuse it. */
interface Attack {
  readonly route: Route;
  readonly params: readonly string[];
  readonly defect: string;
  readonly body: string | undefined;
  readonly headers: Record<string, string>;
}

interface Route {
  readonly method: string;
  readonly path: string;
  /** The route validates a DTO class from the body: unknown fields and non-objects are refused there. */
  readonly dtoBody: boolean;
}

const hostileString = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, -(2 ** 63), 0, -1, true, false, null, [], {}),
);
const deep = (depth: number, open: string, close: string, inner = '1') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const MALFORMED = ['{"title": ', '{"a":1,}', "{'a':1}", '{"a":NaN}', '[1,2', '\u0000', '{"a":"\\ud800', deep(3_000, '{"a":', '}').slice(0, -1)];

function attacks(routes: readonly Route[], ids: readonly string[], token: string): fc.Arbitrary<Attack> {
  const param = fc.oneof(fc.constantFrom(...ids), hostileString.map((s) => s.slice(0, 200)));
  const randomObject = fc.dictionary(fc.oneof(fc.constantFrom('title', 'amount', 'amountMinor', 'currency', 'reason', 'id', 'name', 'date', 'year'), hostileString), hostileValue, { maxKeys: 6 });
  const noise = fc.record({
    ifMatch: fc.option(fc.constantFrom('"1"', '"2"', '*', 'W/"1"', '"-1"', '"abc"', '"99999999999999999999"', '1', ''), { nil: undefined }),
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), hostileString), { nil: undefined }),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
    body: fc.oneof(randomObject.map((o) => JSON.stringify(o)), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))),
  });
  return fc.record({ route: fc.constantFrom(...routes), noise, defectPick: fc.nat(), params: fc.array(param, { minLength: 4, maxLength: 4 }), filler: fc.oneof(hostileValue, fc.constantFrom(...HUGE_NUMBERS)) }).chain(({ route, noise, defectPick, params, filler }) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': noise.contentType };
    if (noise.ifMatch !== undefined) headers['If-Match'] = noise.ifMatch;
    if (noise.idempotencyKey !== undefined) headers['Idempotency-Key'] = encodeURIComponent(noise.idempotencyKey).slice(0, 300);
    const universal: Record<string, () => Partial<Attack>> = {
      'malformed JSON': () => ({ body: MALFORMED[defectPick % MALFORMED.length], headers: { ...headers, 'Content-Type': 'application/json' } }),
      'no Authorization': () => ({ headers: Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'Authorization')) }),
      'forged token': () => ({ headers: { ...headers, Authorization: `Bearer ${token.slice(0, -6)}AAAAAA` } }),
    };
    const dto: Record<string, () => Partial<Attack>> = {
      'body not an object': () => ({ body: [JSON.stringify([filler]), JSON.stringify(String(filler)), '12345678901234567890e999', deep(5_000, '[', ']'), 'true'][defectPick % 5], headers: { ...headers, 'Content-Type': 'application/json' } }),
      'unknown field': () => ({ body: `{"${defectPick % 2 ? 'constructor' : 'zz_unknown'}":${JSON.stringify(filler) ?? 'null'},${noise.body.startsWith('{') && noise.body !== '{}' ? noise.body.slice(1) : '"x":1}'}`, headers: { ...headers, 'Content-Type': 'application/json' } }),
      'deep JSON in an unknown field': () => ({ body: `{"nested":${deep(2_000 + (defectPick % 3_000), '{"a":', '}')}}`, headers: { ...headers, 'Content-Type': 'application/json' } }),
      'huge number in an unknown field': () => ({ body: `{"hugeAmountMinor":${HUGE_NUMBERS[defectPick % HUGE_NUMBERS.length]}}`, headers: { ...headers, 'Content-Type': 'application/json' } }),
    };
    const defects = { ...universal, ...(route.dtoBody ? dto : {}) };
    const names = Object.keys(defects);
    const defect = names[defectPick % names.length];
    const base: Attack = { route, params, defect, body: noise.body, headers };
    return fc.constant({ ...base, ...defects[defect]() });
  });
}

function writeRoutes(app: TestApp['app']): Route[] {
  const controllers = new Map<string, new (...args: never[]) => object>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as never);
  }
  return declaredRoutes(app)
    .filter((r) => WRITES.has(r.method))
    .map((r) => {
      const type = controllers.get(r.controller)!;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, r.handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', type.prototype, r.handler) ?? []) as unknown[];
      const body = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && arg.data === undefined);
      const bodyType = body ? types[body[1].index] : undefined;
      return { method: r.method, path: r.path, dtoBody: typeof bodyType === 'function' && !PLAIN_TYPES.has(bodyType) };
    });
}

describe('bad input at volume: fast-check over every write endpoint', () => {
  let t: TestApp;
  let base: string;
  let routes: Route[];
  const ids: string[] = ['00000000-0000-0000-0000-000000000000', 'b4b1c7b8-5d3e-4a3f-9d55-0e4c1a2f9e10'];
  const eventCount = async () => Number((await t.app.get<pg.Pool>(PG_POOL).query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp('faults_fuzz');
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
    routes = writeRoutes(t.app);
    // a real resource, so that hostile requests also reach handlers and not only 404s
    const drafted = await request(t.server).post('/v1/proposals').set(actorHeaders()).send({ title: 'Target of the fuzzing', departmentId: 'finance' });
    expect(drafted.status).toBe(201);
    ids.push(drafted.body.id);
  }, 240_000);
  afterAll(async () => t?.close());

  it(`answers ${RUNS.toLocaleString('en-US')} hostile requests with 4xx problem+json, writes nothing, and still serves`, async () => {
    expect(routes.length).toBeGreaterThan(40);
    const before = await eventCount();
    const samples = fc.sample(attacks(routes, ids, actorHeaders().Authorization.slice('Bearer '.length)), { numRuns: RUNS, seed: SEED });
    const statuses = new Map<number, number>();
    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < samples.length; i = next++) {
        const a = samples[i];
        let n = 0;
        const path = a.route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(a.params[n++ % a.params.length]));
        const res = await fetch(base + path, { method: a.route.method, headers: a.headers, body: a.body });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const problem = (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
        if (res.status < 400 || res.status >= 500 || !problem) {
          wrong.push(`${res.status} ${a.route.method} ${a.route.path} [${a.defect}] ${text.slice(0, 160)} body=${String(a.body).slice(0, 120)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const wrongByDefect = wrong.reduce((acc, line) => acc.set(/\[(.*?)\]/.exec(line)![1], (acc.get(/\[(.*?)\]/.exec(line)![1]) ?? 0) + 1), new Map<string, number>());
    console.log(
      `${RUNS} hostile requests over ${routes.length} write routes (seed ${SEED}): ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `refused wrongly, by defect: ${JSON.stringify(Object.fromEntries(wrongByDefect))}`,
    );
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(await eventCount()).toBe(before);
    // the service still serves
    const after = await request(t.server).post('/v1/proposals').set(actorHeaders()).send({ title: 'After the storm', departmentId: 'finance' });
    expect(after.status).toBe(201);
    expect((await request(t.server).get(`/v1/proposals/${after.body.id}`).set(actorHeaders())).status).toBe(200);
  });
});
