import { createHash } from 'node:crypto';

/**
 * A name-based UUID (version 5 layout, SHA-1) of `name` in `namespace`: the same name always gives the same id, so
 * an event or commitment derived from another event is recorded once however often it is derived.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const bytes = createHash('sha1').update(namespace).update('\u0000').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
