import { actorHeaders } from '../../support/app.js';

/** What a request got: an answer, or a transport failure (refused, reset, timed out by the client). */
export type Outcome =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: Headers; readonly body: unknown }
  | { readonly kind: 'failed'; readonly reason: string };

const programmeOffice = { ...actorHeaders('anna@herning.dk', 'herning', 'programme_office'), 'Content-Type': 'application/json' };

export interface Call {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Abort after this long, as a client with a timeout does. */
  readonly timeoutMs?: number;
}

/** One request to an instance as the programme office of Herning. */
export async function call(base: string, c: Call): Promise<Outcome> {
  try {
    const res = await fetch(base + c.path, {
      method: c.method,
      headers: { ...programmeOffice, ...c.headers },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      signal: c.timeoutMs === undefined ? undefined : AbortSignal.timeout(c.timeoutMs),
    });
    const text = await res.text();
    return { kind: 'answer', status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { kind: 'failed', reason: (error as Error).name === 'TimeoutError' ? 'timeout' : (cause?.code ?? (error as Error).message) };
  }
}

export const draft = (title: string) => ({ title, departmentId: 'citizen-service' });

/** The proposal id in a 201's Location. */
export function createdId(outcome: Outcome): string {
  if (outcome.kind !== 'answer' || outcome.status !== 201) throw new Error(`expected 201, got ${JSON.stringify(outcome)}`);
  return outcome.headers.get('location')!.split('/').pop()!;
}
