import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it('grants a burst of one minute\'s worth, then one request per refilled token, and says when to retry', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now);
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('b')).toBe(0);
    now += 999;
    expect(buckets.take('a')).toBe(1);
    now += 1;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
  });

  it('never grants more than the burst plus what the elapsed time refilled, whatever the timing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 400 }), (perMinute, gaps) => {
        let now = 0;
        const buckets = new TokenBuckets(perMinute, () => now);
        let granted = 0;
        for (const gap of gaps) {
          now += gap;
          if (buckets.take('client') === 0) granted++;
        }
        expect(granted).toBeLessThanOrEqual(perMinute + Math.floor((now * perMinute) / 60_000));
      }),
    );
  });

  it('forgets idle clients once their bucket is full again, and treats them as new', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now);
    buckets.take('idle');
    buckets.take('idle');
    expect(buckets.take('idle')).toBeGreaterThan(0);
    now += 120_000;
    expect(buckets.take('other')).toBe(0);
    expect(buckets.take('idle')).toBe(0);
    expect(buckets.take('idle')).toBe(0);
  });
});
