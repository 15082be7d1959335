import type { EventMetadata, RecordedEvent } from '../../event-store/index.js';

/** One stream per scoring model. */
export const scoringModelStream = (modelId: string) => `scoring-model-${modelId}`;

/** One stream per proposal and forum (the domain's scorecard); the proposal id is a UUID, so the split is unambiguous. */
export const scorecardStream = (proposalId: string, forumId: string) => `scorecard-${proposalId}-${forumId}`;

/**
 * The prioritisation domain's events do not name an organisation (a forum belongs to one), so the application
 * records the acting organisation explicitly in every event's metadata, and scope checks read it from there.
 */
export function scopedMetadata(metadata: EventMetadata, organisationId: string): EventMetadata {
  return { ...metadata, organisationId };
}

/** The organisation that opened a stream, or null for an empty stream. */
export function streamOwner(events: readonly RecordedEvent[]): string | null {
  const first = events[0];
  if (!first) return null;
  const explicit = first.metadata.organisationId;
  return typeof explicit === 'string' ? explicit : (first.metadata.actor.organisationId ?? null);
}
