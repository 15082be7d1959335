import type { NewEvent } from '../../event-store/port/index.js';

/**
 * An event as decided by the domain: a NewEvent without metadata. Times are not in the data: the event store's
 * `recordedAt` is when it happened, and the application layer adds who, why and correlation.
 */
export type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;
