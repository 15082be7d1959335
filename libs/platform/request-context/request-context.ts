import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor, EventMetadata } from '../../event-store/index.js';
import type { ProblemException } from '../problem/problem.exception.js';

/** What the service knows about the request it is serving, wherever in the call chain it is asked. */
export interface RequestContextData {
  readonly requestId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The authenticated subject, or the anonymous actor. */
  readonly actor: Actor;
  /** True when credentials proved the actor; the access guard answers 401 otherwise (except on public routes). */
  readonly authenticated?: boolean;
  /** The department the actor acts for, when its credentials name one. */
  readonly departmentId?: string | null;
  /** Why the credentials sent were refused: answered (401) on any route that is not public. */
  readonly authenticationFailure?: ProblemException;
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
