import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadPlatformConfig } from '../../platform/config/platform-config.js';
import { describeEventStoreContract } from '../testing/contract-suite.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const url = process.env.KURRENTDB_URL?.trim();

if (url) {
  describeEventStoreContract('KurrentDB', async () => {
    // a prefix of its own gives every run a fresh, empty log on a server that keeps everything
    const streamPrefix = `contract-${randomUUID()}.`;
    const store = KurrentDbEventStore.connect(url, undefined, { streamPrefix });
    const secondStore = KurrentDbEventStore.connect(url, undefined, { streamPrefix });
    return {
      store,
      secondStore,
      detectsIdsMovedToAnotherStream: false, // no global event-id index in KurrentDB: see the README
      async teardown() {
        await store.close();
        await secondStore.close();
      },
    };
  });
} else {
  const reason =
    'KURRENTDB_URL is not set, so the event store contract did not run against KurrentDB ' +
    '(start a server and run it with: docker compose -f infra/kurrentdb/compose.yaml up --exit-code-from contract)';
  console.warn(reason);
  describe('event store contract: KurrentDB — not run: KURRENTDB_URL is not set', () => {
    it('cannot choose the KurrentDB event store without KURRENTDB_URL either', () => {
      expect(() => loadPlatformConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL is required/);
    });
  });
}
