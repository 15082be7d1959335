import { describe, expect, it } from '@jest/globals';
import { extraMeetingIdFor, meetingIdFor, uuidV5 } from './meeting-id.js';

describe('meeting ids', () => {
  it('are RFC 9562 version-5 UUIDs (checked against the published DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are the same for the same forum and date, and differ otherwise', () => {
    const id = meetingIdFor('herning-steering-group', '2025-03-06');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(meetingIdFor('herning-steering-group', '2025-03-06')).toBe(id);
    expect(meetingIdFor('herning-steering-group', '2025-04-03')).not.toBe(id);
    expect(meetingIdFor('riso-directors', '2025-03-06')).not.toBe(id);
    expect(extraMeetingIdFor('herning-steering-group', '2025-03-06', '14:00')).not.toBe(id);
  });
});
