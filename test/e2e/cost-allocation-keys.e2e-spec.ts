import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProjectionRuntime } from '../../libs/projections/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { expectProblem, type Headers } from '../support/proposals.js';

const fourK = actorHeaders('pia@gentofte.dk', '4k', 'programme_office');
const auditor = actorHeaders('aud@gentofte.dk', '4k', 'auditor');
const viborg = actorHeaders('vera@viborg.dk', 'viborg', 'programme_office');
const UNKNOWN = '3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const MEMBERS = [
  { partyId: 'gentofte', name: 'Gentofte Kommune' },
  { partyId: 'gladsaxe', name: 'Gladsaxe Kommune' },
  { partyId: 'lyngby-taarbaek', name: 'Lyngby-Taarbæk Kommune' },
  { partyId: 'rudersdal', name: 'Rudersdal Kommune' },
];
/** Population figures (illustrative) from 1 January 2027, and new ones from 1 January 2028. */
const POPULATION_2027 = { effectiveFrom: '2027-01-01', source: 'Danmarks Statistik FOLK1A 2027', parties: MEMBERS.map((m, i) => ({ ...m, quantity: [75_000, 70_000, 57_000, 57_000][i] })) };
const POPULATION_2028 = { effectiveFrom: '2028-01-01', source: 'Danmarks Statistik FOLK1A 2028', parties: MEMBERS.map((m, i) => ({ ...m, quantity: [75_500, 71_000, 57_500, 57_000][i] })) };

describe('cost allocation keys over HTTP: define, dated terms, splits to the øre', () => {
  let t: TestApp;
  const http = () => request(t.server);
  beforeAll(async () => {
    t = await startTestApp('e2e_cost_allocation');
  });
  afterAll(async () => t?.close());

  async function define(body: Record<string, unknown>, headers: Headers = fourK) {
    const res = await http().post('/v1/cost-allocation-keys').set(headers).send(body);
    if (res.status !== 201) throw new Error(`define failed: ${res.status} ${res.text}`);
    return res;
  }
  const split = (id: string, query: Record<string, string>, headers: Headers = fourK) => http().get(`/v1/cost-allocation-keys/${id}/split`).query(query).set(headers);
  const shares = (res: request.Response) => res.body.shares.map((s: { partyId: string; share: { amountMinor: number }; roundedUp: boolean }) => [s.partyId, s.share.amountMinor, s.roundedUp]);
  const list = (minPosition: string, query: Record<string, string> = {}, headers: Headers = fourK) =>
    http().get('/v1/cost-allocation-keys').query(query).set(headers).set('X-Min-Position', minPosition);
  /** Every cost-allocation-key event in the log: a refused request must add none. */
  const keyEvents = async () =>
    Number((await t.app.get(DataSource).query("SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'cost-allocation-key-%'"))[0].n);

  it("4K's equal split: one invoice a year in equal parts, the odd øre to the first party, and the split says so", async () => {
    const key = await define({ name: '4K fællesprojekter: lige dele', basis: 'equal', terms: { effectiveFrom: '2027-01-01', parties: MEMBERS } });
    expect(key.headers.location).toBe(`/v1/cost-allocation-keys/${key.body.id}`);
    expect(key.headers.etag).toBe('"1"');
    expect(key.body).toMatchObject({ organisationId: '4k', basis: 'equal', version: 1, terms: [{ effectiveFrom: '2027-01-01', source: null, recordedBy: 'pia@gentofte.dk' }] });
    expect(key.body.terms[0].parties[0]).toEqual({ partyId: 'gentofte', name: 'Gentofte Kommune', quantity: null });

    const res = await split(key.body.id, { amountMinor: '100000003', currency: 'DKK', on: '2027-09-01' }, auditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ keyId: key.body.id, basis: 'equal', on: '2027-09-01', amount: { amountMinor: 100_000_003, currency: 'DKK' }, method: 'largest_remainder', totalWeight: 4 });
    expect(shares(res)).toEqual([
      ['gentofte', 25_000_001, true],
      ['gladsaxe', 25_000_001, true],
      ['lyngby-taarbaek', 25_000_001, true],
      ['rudersdal', 25_000_000, false],
    ]);
  });

  it('per inhabitant with population figures that change on a date: the key in force on the day splits, history kept', async () => {
    const key = await define({ name: 'SBSYS: pr. indbygger', basis: 'inhabitants', terms: POPULATION_2027 });
    const id = key.body.id;
    // DKK 9 per inhabitant: 259,000 inhabitants pay DKK 2,331,000
    const in2027 = await split(id, { amountMinor: '233100000', currency: 'DKK', on: '2027-12-31' });
    expect(in2027.body.terms).toEqual({ effectiveFrom: '2027-01-01', source: 'Danmarks Statistik FOLK1A 2027' });
    expect(shares(in2027)).toEqual([
      ['gentofte', 67_500_000, false],
      ['gladsaxe', 63_000_000, false],
      ['lyngby-taarbaek', 51_300_000, false],
      ['rudersdal', 51_300_000, false],
    ]);

    // new figures need If-Match: 428 without, 409 when stale (naming the current version); nothing is written
    const before = await keyEvents();
    expectProblem(await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(fourK).send(POPULATION_2028), 428);
    const stale = await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(fourK).set('If-Match', '"7"').send(POPULATION_2028);
    expectProblem(stale, 409);
    expect(stale.body.currentVersion).toBe(1);
    expectProblem(await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(viborg).set('If-Match', '"1"').send(POPULATION_2028), 404);
    expectProblem(await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(fourK).set('If-Match', '"1"').send({ ...POPULATION_2028, effectiveFrom: '2027-01-01' }), 409, ['effectiveFrom']);
    expectProblem(
      await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(fourK).set('If-Match', '"1"').send({ ...POPULATION_2028, parties: [{ partyId: 'gentofte', quantity: 1.5 }] }),
      422,
      ['terms.parties[0].quantity'],
    );
    expect(await keyEvents()).toBe(before);

    const added = await http().post(`/v1/cost-allocation-keys/${id}/terms`).set(fourK).set('If-Match', '"1"').send(POPULATION_2028);
    expect(added.status).toBe(200);
    expect(added.headers.etag).toBe('"2"');
    expect(added.body.terms.map((x: { effectiveFrom: string }) => x.effectiveFrom)).toEqual(['2027-01-01', '2028-01-01']);

    // 261,000 inhabitants in 2028; DKK 1,000,000 does not divide evenly: rounded down, one øre is left, and it goes to
    // the largest remainder (Rudersdal's exact share is 21,839,080.46 øre)
    const in2028 = await split(id, { amountMinor: '100000000', currency: 'DKK', on: '2028-01-01' });
    expect(in2028.body.terms.effectiveFrom).toBe('2028-01-01');
    expect(in2028.body.totalWeight).toBe(261_000);
    expect(shares(in2028)).toEqual([
      ['gentofte', 28_927_203, false],
      ['gladsaxe', 27_203_065, false],
      ['lyngby-taarbaek', 22_030_651, false],
      ['rudersdal', 21_839_081, true],
    ]);
    expect(in2028.body.shares.reduce((sum: number, s: { share: { amountMinor: number } }) => sum + s.share.amountMinor, 0)).toBe(100_000_000);
    // the day before the new figures the old ones still hold
    expect((await split(id, { amountMinor: '100', currency: 'DKK', on: '2027-12-31' })).body.terms.effectiveFrom).toBe('2027-01-01');
  });

  it('by FTE, by usage, and between central and decentral funding by agreed percentages', async () => {
    const fte = await define({
      name: 'Fælles projektleder: efter årsværk',
      basis: 'fte',
      terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'ringsted', quantity: 0.5 }, { partyId: 'soroe', quantity: 0.25 }] },
    });
    expect(fte.body.terms[0].parties.map((p: { quantity: number }) => p.quantity)).toEqual([0.5, 0.25]);
    expect(shares(await split(fte.body.id, { amountMinor: '60000000', currency: 'DKK', on: '2027-03-01' }))).toEqual([
      ['ringsted', 40_000_000, false],
      ['soroe', 20_000_000, false],
    ]);

    const usage = await define({
      name: 'Digital hotline: efter opkald',
      basis: 'usage',
      terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 1 }, { partyId: 'b', quantity: 2 }] },
    });
    expect(shares(await split(usage.body.id, { amountMinor: '1000', currency: 'DKK', on: '2027-03-01' }))).toEqual([
      ['a', 333, false],
      ['b', 667, true],
    ]);

    const central = await define({
      name: 'Central og decentral finansiering',
      basis: 'percentage',
      terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'central', name: 'IT-investeringspuljen', quantity: 62.5 }, { partyId: 'department-x', quantity: 37.5 }] },
    });
    expect(shares(await split(central.body.id, { amountMinor: '60000000', currency: 'DKK', on: '2027-03-01' }))).toEqual([
      ['central', 37_500_000, false],
      ['department-x', 22_500_000, false],
    ]);
  });

  const BAD: [string, Record<string, unknown>, number, string[]][] = [
    ['an unknown basis', { basis: 'size' }, 400, ['basis']],
    ['no terms', { terms: undefined }, 400, ['terms']],
    ['a day that does not exist', { terms: { effectiveFrom: '2027-02-30', parties: [{ partyId: 'a', quantity: 1 }] } }, 400, ['terms.effectiveFrom']],
    ['a quantity as text', { terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: '1' }] } }, 400, ['terms.parties.0.quantity']],
    ['no parties', { terms: { effectiveFrom: '2027-01-01', parties: [] } }, 400, ['terms.parties']],
    ['an unknown field', { colour: 'blue' }, 400, ['colour']],
    ['a fraction of an inhabitant', { terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 0.5 }] } }, 422, ['terms.parties[0].quantity']],
    ['nobody with any inhabitants', { terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 0 }] } }, 422, ['terms.parties']],
    ['a party twice', { terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 1 }, { partyId: 'a', quantity: 2 }] } }, 422, ['terms.parties[1].partyId']],
    ['percentages that are not 100', { basis: 'percentage', terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 99 }] } }, 422, ['terms.parties']],
    ['a quantity on an equal split', { basis: 'equal', terms: { effectiveFrom: '2027-01-01', parties: [{ partyId: 'a', quantity: 1 }] } }, 422, ['terms.parties[0].quantity']],
  ];

  it.each(BAD)('refuses %s, naming the fields and writing nothing', async (_what, overrides, status, fields) => {
    const before = await keyEvents();
    const res = await http().post('/v1/cost-allocation-keys').set(fourK).send({ name: 'Refused', basis: 'inhabitants', terms: POPULATION_2027, ...overrides });
    expectProblem(res, status, fields);
    expect(await keyEvents()).toBe(before);
  });

  it('refuses splits it cannot make: a day before the key, a bad amount or currency, an unknown or foreign key', async () => {
    const key = await define({ name: 'Splits refused', basis: 'equal', terms: { effectiveFrom: '2027-01-01', parties: MEMBERS } });
    const early = await split(key.body.id, { amountMinor: '100', currency: 'DKK', on: '2026-12-31' });
    expectProblem(early, 422, ['on']);
    expect(early.body.firstEffectiveFrom).toBe('2027-01-01');
    expectProblem(await split(key.body.id, { amountMinor: '-1', currency: 'DKK', on: '2027-06-01' }), 400, ['amountMinor']);
    expectProblem(await split(key.body.id, { amountMinor: '1.5', currency: 'DKK', on: '2027-06-01' }), 400, ['amountMinor']);
    expectProblem(await split(key.body.id, { amountMinor: '100', currency: 'USD', on: '2027-06-01' }), 400, ['currency']);
    expectProblem(await split(key.body.id, { amountMinor: '100', currency: 'DKK' }), 400, ['on']);
    expectProblem(await split(key.body.id, { amountMinor: '100', currency: 'DKK', on: '2027-06-01' }, viborg), 404);
    expectProblem(await split(UNKNOWN, { amountMinor: '100', currency: 'DKK', on: '2027-06-01' }), 404);
    expectProblem(await http().get('/v1/cost-allocation-keys/not-a-key').set(fourK), 404);
    expect((await http().get(`/v1/cost-allocation-keys/${key.body.id}`).set(fourK).set('If-None-Match', '"1"')).status).toBe(304);
  });

  it('defines once per Idempotency-Key', async () => {
    const body = { name: 'Idempotent key', basis: 'equal', terms: { effectiveFrom: '2027-01-01', parties: MEMBERS } };
    const first = await http().post('/v1/cost-allocation-keys').set(fourK).set('Idempotency-Key', 'key-define-1').send(body);
    const retry = await http().post('/v1/cost-allocation-keys').set(fourK).set('Idempotency-Key', 'key-define-1').send(body);
    expect(first.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('lists keys by name in pages, only the organisation’s own, and the read model rebuilds to the same list', async () => {
    const sentinel = await define({ name: `Zz sentinel ${randomUUID()}`, basis: 'equal', terms: { effectiveFrom: '2027-01-01', parties: MEMBERS } });
    const position = sentinel.headers['x-log-position'];
    const all = await list(position, { limit: '100' });
    const names = all.body.items.map((k: { name: string }) => k.name);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('Refused');
    expect(all.body.items.find((k: { name: string }) => k.name === 'SBSYS: pr. indbygger')).toMatchObject({
      basis: 'inhabitants',
      termsCount: 2,
      firstEffectiveFrom: '2027-01-01',
      latestEffectiveFrom: '2028-01-01',
      latestParties: 4,
      version: 2,
    });
    expect((await list(position, { basis: 'percentage' })).body.items.map((k: { name: string }) => k.name)).toEqual(['Central og decentral finansiering']);
    const page1 = await list(position, { limit: '3' });
    const page2 = await list(position, { limit: '100', cursor: page1.body.nextCursor });
    expect([...page1.body.items, ...page2.body.items]).toEqual(all.body.items);
    expectProblem(await list(position, { cursor: 'bm90LWEtY3Vyc29y' }), 400, ['cursor']);
    expect((await list(position, {}, viborg)).body.items).toEqual([]);

    await t.app.get(ProjectionRuntime).rebuild('cost_allocation_keys');
    expect((await list(position, { limit: '100' })).body).toEqual(all.body);
  });
});
