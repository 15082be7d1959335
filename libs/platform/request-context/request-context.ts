import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor, EventMetadata } from '../../event-store/index.js';

/** What the service knows about the request it is serving, wherever in the call chain it is asked. */
export interface RequestContextData {
  readonly requestId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  /** The context of the request being served, or `undefined` outside one (startup, background work). */
  current(): RequestContextData | undefined {
    return storage.getStore();
  },

  /** The context of the request being served; throws where there is none, which is a wiring mistake. */
  require(): RequestContextData {
    const context = storage.getStore();
    if (!context) throw new Error('No request context: this code runs outside an HTTP request');
    return context;
  },

  run<T>(context: RequestContextData, fn: () => T): T {
    return storage.run(context, fn);
  },
};

/** The metadata every event appended on behalf of the current request carries. */
export function metadataFor(reason?: string): EventMetadata {
  const { actor, correlationId, causationId, requestId } = RequestContext.require();
  return { actor, correlationId, causationId, requestId, ...(reason !== undefined && { reason }) };
}
