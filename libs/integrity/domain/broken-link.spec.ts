import { describe, expect, it } from '@jest/globals';
import { brokenHeadOf, brokenLinkOf, compareBrokenLinks, type BrokenLink, type ChainObservation } from './broken-link.js';

const sound: ChainObservation = { streamId: 's', version: 5, globalPosition: '40', contentMatches: true, predecessorVersion: 4, previousHashMatches: true };

describe('what a chain observation shows', () => {
  it('shows nothing for a sound event', () => expect(brokenLinkOf(sound)).toBeNull());
  it('shows deleted events before it, before anything else', () => {
    expect(brokenLinkOf({ ...sound, predecessorVersion: 3, contentMatches: false, previousHashMatches: false })).toMatchObject({ problem: 'events-missing', detail: expect.stringMatching(/^version 4 is missing/) });
    expect(brokenLinkOf({ ...sound, predecessorVersion: null, previousHashMatches: false })).toMatchObject({ problem: 'events-missing', detail: expect.stringMatching(/^versions 1 to 4 are missing/) });
  });
  it('shows altered content, then a broken link', () => {
    expect(brokenLinkOf({ ...sound, contentMatches: false })).toMatchObject({ problem: 'content-altered', version: 5, globalPosition: '40' });
    expect(brokenLinkOf({ ...sound, previousHashMatches: false })).toMatchObject({ problem: 'chain-broken' });
    expect(brokenLinkOf({ ...sound, version: 1, predecessorVersion: null, previousHashMatches: false })?.detail).toContain('32 zero bytes');
  });
});

describe('what a digest head shows', () => {
  const recorded = { streamId: 's', version: 4, hashRecorded: 'a', digestSequence: '3' };
  it('shows a deleted stream, a deleted tail, a rewritten head, or nothing', () => {
    expect(brokenHeadOf({ ...recorded, currentVersion: 0, hashNow: null, globalPositionNow: null })).toMatchObject({ problem: 'stream-missing', version: 1 });
    expect(brokenHeadOf({ ...recorded, currentVersion: 3, hashNow: null, globalPositionNow: null })).toMatchObject({ problem: 'tail-missing', version: 4, detail: expect.stringMatching(/^version 4 is missing/) });
    expect(brokenHeadOf({ ...recorded, currentVersion: 9, hashNow: 'b', globalPositionNow: '77' })).toMatchObject({ problem: 'head-rewritten', globalPosition: '77' });
    expect(brokenHeadOf({ ...recorded, currentVersion: 9, hashNow: 'a', globalPositionNow: '77' })).toBeNull();
  });
});

describe('the order breaks are reported in', () => {
  const at = (problem: BrokenLink['problem'], globalPosition: string | null, streamId = 's'): BrokenLink => ({ streamId, version: 1, globalPosition, problem, detail: '' });
  it('puts an altered digest first, then the earliest position (as numbers), then deleted events by stream', () => {
    const sorted = [at('tail-missing', null, 'b'), at('content-altered', '100'), at('tail-missing', null, 'a'), at('chain-broken', '9'), at('digest-altered', null)].sort(compareBrokenLinks);
    expect(sorted.map((b) => [b.problem, b.globalPosition, b.streamId])).toEqual([
      ['digest-altered', null, 's'],
      ['chain-broken', '9', 's'],
      ['content-altered', '100', 's'],
      ['tail-missing', null, 'a'],
      ['tail-missing', null, 'b'],
    ]);
  });
});
