import { expect } from '@jest/globals';
import request from 'supertest';
import { actorHeaders, type TestApp } from './app.js';

/** What every error answer must be: RFC 9457 problem details. */
export const PROBLEM_JSON = /^application\/problem\+json/;

export type Headers = Record<string, string>;

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/**
 * The response is a problem document with this status; when `fields` is given, `errors` names each of them
 * (each error with a reason).
 */
export function expectProblem(res: request.Response, status: number, fields?: readonly string[]): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status } });
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  expect(typeof res.body.title).toBe('string');
  expect(res.body.title.length).toBeGreaterThan(0);
  expect(typeof res.body.type).toBe('string');
  if (fields) {
    const errors = res.body.errors as FieldError[];
    expect(Array.isArray(errors)).toBe(true);
    for (const e of errors) expect(typeof e.reason).toBe('string');
    expect([...new Set(errors.map((e) => e.field))].sort()).toEqual([...new Set(fields)].sort());
  }
}

/** Every answer of the yearly call's form, none left unstated. */
export function completeForm(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Digital mail for citizens',
    summary: 'Replace paper letters with digital mail',
    departmentId: 'citizen-service',
    need: { oneYear: 'Send decisions digitally', multiYear: 'All citizen contact digital by 2030' },
    investment: {
      developmentCost: { amountMinor: 12_000_000, currency: 'DKK' },
      yearlyOperationsCost: { amountMinor: 1_500_000, currency: 'DKK' },
      softwareAndHardware: 'Mail gateway licence, two servers',
    },
    users: 'Case workers and citizens',
    businessValue: { expected: 'Faster replies, lower postage', businessGoals: ['Better service', 'Lower costs'] },
    ownResources: { description: 'Two case workers part time', hours: 120 },
    crossCutting: { solutions: ['Shared document archive'], integrations: ['ESDH', 'Digital Post'] },
    systemOwner: { person: { name: 'Karen Jensen', email: 'karen.jensen@herning.dk' } },
    projectLeadership: [
      { person: { name: 'Ole Hansen', email: 'ole.hansen@herning.dk' }, role: 'project leader' },
      { person: { name: 'Mette Nielsen', email: 'mette.nielsen@herning.dk' }, role: 'project owner' },
    ],
    schedule: { plannedStart: '2027-01-01', plannedEnd: '2027-12-31' },
    estimatedHours: 250,
    legalRequirement: { required: true, legalBasis: 'Lov om Digital Post' },
    crossDepartmental: { declared: false, departmentIds: ['social'] },
    complexity: { process: true, organisation: false, systems: true },
    investmentArea: 'service_to_citizens_and_businesses',
    ...overrides,
  };
}

/** The answers a submission requires, on top of title and department. */
export const SUBMITTABLE = {
  need: { oneYear: 'Send decisions digitally' },
  investment: { developmentCost: { amountMinor: 10_000_000, currency: 'DKK' } },
  systemOwner: { person: { name: 'Karen Jensen', email: 'karen.jensen@herning.dk' } },
  businessValue: { expected: 'Faster replies' },
} as const;

/** Drafts a proposal and checks it was created. */
export async function draft(t: TestApp, body: Record<string, unknown>, headers: Headers = actorHeaders()): Promise<request.Response> {
  const res = await request(t.server).post('/v1/proposals').set(headers).send(body);
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${res.text}`);
  return res;
}

/** The proposal as GET shows it: status, ETag and body. */
export async function read(t: TestApp, id: string, headers: Headers = actorHeaders()) {
  const res = await request(t.server).get(`/v1/proposals/${id}`).set(headers);
  if (res.status !== 200) throw new Error(`read failed: ${res.status} ${res.text}`);
  return { etag: res.headers.etag as string, body: res.body };
}

/** Every proposal of the list the caller sees, walking all pages, once the write at `minPosition` is in the list. */
export async function listAll(t: TestApp, query: Record<string, string>, headers: Headers = actorHeaders(), minPosition?: string) {
  const items: { id: string; [key: string]: unknown }[] = [];
  let cursor: string | null = null;
  do {
    const req: request.Test = request(t.server)
      .get('/v1/proposals')
      .query({ ...query, limit: '100', ...(cursor && { cursor }) })
      .set(headers);
    if (minPosition) req.set('X-Min-Position', minPosition);
    const res: request.Response = await req;
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A write made after the requests under test, whose position is then awaited: any proposal those requests
 * wrongly created is in the list by then. Drafted in its own department, so it never counts itself.
 */
export async function sentinelPosition(t: TestApp, headers: Headers = actorHeaders()): Promise<string> {
  const res = await draft(t, { title: 'Sentinel', departmentId: `sentinel-${Math.random().toString(36).slice(2)}` }, headers);
  return res.headers['x-log-position'] as string;
}

