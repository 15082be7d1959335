import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../libs/event-store/index.js';

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { subject: 'test-user', roles: ['programme_office'], organisationId: 'org-test' },
    correlationId: randomUUID(),
    ...overrides,
  };
}
