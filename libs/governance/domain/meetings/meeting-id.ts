/**
 * Meeting ids derived from what the meeting is, so generating the same period twice (a retry, a second click, a
 * rebuilt projection) names the same meetings instead of creating duplicates. They are RFC 9562 version-5 UUIDs
 * (SHA-1 of a namespace and a name), so the event store and the API can treat them as any other UUID.
 */
import { createHash } from 'node:crypto';

/** Fixed forever: changing it would rename every meeting. */
export const MEETING_ID_NAMESPACE = '3c1d6f4e-8a52-4b0e-9d7a-5f2e61c0a9b4';

/** The meeting a recurrence rule plans for a forum on a local date: one per forum and date. */
export function meetingIdFor(forumId: string, plannedDate: string): string {
  return uuidV5(`recurrence:${forumId}:${plannedDate}`, MEETING_ID_NAMESPACE);
}

/** An extra meeting, keyed by its first planned local start, so the same extra meeting added twice is a duplicate. */
export function extraMeetingIdFor(forumId: string, plannedDate: string, plannedTime: string): string {
  return uuidV5(`extra:${forumId}:${plannedDate}T${plannedTime}`, MEETING_ID_NAMESPACE);
}

/** UUID version 5: SHA-1 over the namespace's 16 bytes and the UTF-8 name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
