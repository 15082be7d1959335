import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { UpcasterRegistry } from './upcasters.js';

describe('upcasters', () => {
  const registry = () =>
    new UpcasterRegistry()
      .register('Priced', 1, (d: { price: number }) => ({ amountMinor: d.price * 100 }))
      .register('Priced', 2, (d: { amountMinor: number }) => ({ amount: { amountMinor: d.amountMinor, currency: 'DKK' } }));

  it('lifts an old event through every step to the current shape', () => {
    expect(registry().upcast('Priced', 1, { price: 12 }, {})).toEqual({ version: 3, data: { amount: { amountMinor: 1200, currency: 'DKK' } } });
    expect(registry().upcast('Priced', 2, { amountMinor: 5 }, {})).toEqual({ version: 3, data: { amount: { amountMinor: 5, currency: 'DKK' } } });
  });

  it('leaves current events and unknown types alone', () => {
    const current = { amount: { amountMinor: 1, currency: 'DKK' } };
    expect(registry().upcast('Priced', 3, current, {})).toEqual({ version: 3, data: current });
    expect(registry().upcast('Other', 1, { x: 1 }, {})).toEqual({ version: 1, data: { x: 1 } });
  });

  it('writes new events at the version after the last upcaster', () => {
    expect(registry().currentVersion('Priced')).toBe(3);
    expect(registry().currentVersion('Other')).toBe(1);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => registry().register('Priced', 1, (d) => d)).toThrow(/already registered/);
  });

  it('reading any old version ends at the current version (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (steps, from) => {
        const r = new UpcasterRegistry();
        for (let v = 1; v <= steps; v++) r.register('E', v, (d: { trail: number[] }) => ({ trail: [...d.trail, v] }));
        const start = Math.min(from, steps + 1);
        const out = r.upcast('E', start, { trail: [] }, {});
        expect(out.version).toBe(steps + 1);
        expect((out.data as { trail: number[] }).trail).toEqual(Array.from({ length: steps + 1 - start }, (_, i) => start + i));
      }),
    );
  });
});
