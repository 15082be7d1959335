/**
 * The demo's only way into the service: HTTP, as any client, so every event it causes carries an actor (the token's
 * subject) and, where the API takes one, a reason. Writes send deterministic `Idempotency-Key`s; answers that say
 * "wait" (429 with Retry-After, an idempotency key still in flight, 503) are waited for and retried.
 */

/** Issues a bearer token for an actor; the CLI signs with the service's key pair, the tests with theirs. */
export type TokenFor = (roles: string[], organisation: string, subject: string, department?: string) => Promise<string>;

export interface DemoActor {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly department?: string;
}

export interface DemoAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly etag: string | null;
  readonly position: string | null;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly ifMatch?: string | null;
  /** Wait (bounded, server-side) until a list includes this log position. */
  readonly minPosition?: string | null;
  /** Statuses that count as an answer; anything else throws DemoRequestFailed. Default: 200 and 201. */
  readonly accept?: readonly number[];
}

/** The service refused a request the demo needed: the problem document says why. */
export class DemoRequestFailed extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`);
    this.name = 'DemoRequestFailed';
  }
}

const RETRY_ATTEMPTS = 30;
const IN_FLIGHT = 'urn:problem-type:idempotency-key-in-flight';

export class DemoClient {
  /** Writes that recorded something new (they answer with an `X-Log-Position` and are no replay). */
  recorded = 0;
  /** Writes the service answered as already done: replays, and repeats that record nothing. */
  unchanged = 0;
  /** The position of the latest write that recorded something: reads of lists wait for it. */
  lastPosition: string | null = null;

  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly baseUrl: string,
    private readonly tokenFor: TokenFor,
    readonly signal?: AbortSignal,
  ) {}

  /** A GET that answers null on 404. */
  async find<T = unknown>(actor: DemoActor, path: string, minPosition?: string | null): Promise<DemoAnswer<T> | null> {
    const answer = await this.request<T>(actor, 'GET', path, { accept: [200, 404], minPosition });
    return answer.status === 404 ? null : answer;
  }

  get<T = unknown>(actor: DemoActor, path: string, minPosition?: string | null): Promise<DemoAnswer<T>> {
    return this.request<T>(actor, 'GET', path, { accept: [200], minPosition });
  }

  /** A write; counted as recorded or unchanged. */
  async write<T = unknown>(actor: DemoActor, method: 'POST' | 'PUT' | 'PATCH', path: string, options: RequestOptions = {}): Promise<DemoAnswer<T>> {
    const answer = await this.request<T>(actor, method, path, options);
    if (answer.position !== null && !answer.replayed) {
      this.recorded += 1;
      this.lastPosition = answer.position;
    } else {
      this.unchanged += 1;
    }
    return answer;
  }

  private async request<T>(actor: DemoActor, method: string, path: string, options: RequestOptions): Promise<DemoAnswer<T> & { replayed: boolean }> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token(actor)}`, Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.minPosition) headers['X-Min-Position'] = options.minPosition;
    const accept = options.accept ?? [200, 201];
    for (let attempt = 1; ; attempt++) {
      this.signal?.throwIfAborted();
      const res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: this.signal,
      });
      const text = await res.text();
      const body = text === '' ? null : parseJson(text);
      if (accept.includes(res.status)) {
        return { status: res.status, body: body as T, etag: res.headers.get('etag'), position: res.headers.get('x-log-position'), replayed: res.headers.get('idempotent-replayed') === 'true' };
      }
      const retryAfter = retryDelayMs(res, body);
      if (retryAfter === null || attempt >= RETRY_ATTEMPTS) throw new DemoRequestFailed(method, path, res.status, body ?? text);
      await sleep(retryAfter, this.signal);
    }
  }

  private token(actor: DemoActor): Promise<string> {
    const key = JSON.stringify([actor.subject, actor.organisation, actor.roles, actor.department ?? null]);
    let token = this.tokens.get(key);
    if (!token) {
      token = this.tokenFor([...actor.roles], actor.organisation, actor.subject, actor.department);
      this.tokens.set(key, token);
    }
    return token;
  }
}

/** How long to wait before retrying, or null when the answer is final. */
function retryDelayMs(res: Response, body: unknown): number | null {
  const seconds = Number(res.headers.get('retry-after'));
  const after = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
  if (res.status === 429 || res.status === 503) return after;
  if (res.status === 409 && (body as { type?: string } | null)?.type === IN_FLIGHT) return after;
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls `probe` until it answers something other than null: for effects the service brings about by itself after a
 * write (a submitted proposal entering the portfolio, a read model catching up).
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | null>, signal?: AbortSignal, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(delay, signal);
  }
}
