import { compareLogPositions, type RecordedEvent } from '../../event-store/index.js';
import type { LogPoint } from './log-point.resolver.js';

/** The events of one stream that were part of the log at `point`: a stream's history is a prefix of it. */
export function eventsAsOf(events: readonly RecordedEvent[], point: LogPoint): RecordedEvent[] {
  const visible: RecordedEvent[] = [];
  for (const event of events) {
    if (compareLogPositions(event.position, point.position) > 0) break;
    visible.push(event);
  }
  return visible;
}
