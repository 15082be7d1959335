/**
 * Knobs, all from the environment. BENCH_SCALE multiplies every count (1 = the default ~3-5 minute run; 0.2 for
 * a quick smoke run, 3 for steadier figures); the specific variables override single counts.
 */
export interface BenchConfig {
  readonly scale: number;
  readonly phases: ReadonlySet<'append' | 'rebuild' | 'http' | 'forum'>;
  /** Measured rounds of the append comparison (a warm-up round comes on top and is not reported). */
  readonly rounds: number;
  readonly append: {
    /** Each variant appends for this long per round (the warm-up round for a third of it). */
    readonly sliceMs: number;
    readonly concurrentWriters: number;
    readonly batchSize: number;
    /** Commands per stream before the next stream is started (first `no_stream`, then exact versions). */
    readonly commandsPerStream: number;
    /** Commands prepared per writer and round, more than any variant gets through in a slice. */
    readonly preparedCommands: { readonly single: number; readonly concurrent: number; readonly batch: number };
  };
  readonly rebuild: {
    readonly proposals: number;
    readonly loadWriters: number;
    readonly rounds: number;
    readonly batchSize: number;
  };
  readonly http: {
    readonly seconds: number;
    readonly warmupSeconds: number;
    readonly connections: number;
    readonly rounds: number;
    /** The paced run checks latency at the target rate rather than at saturation. */
    readonly targetRate: number;
    readonly roles: string;
    readonly logLevel: string;
  };
  /** The forum view (GET /v1/forums/{forumId}/portfolio) over an organisation with many submitted proposals. */
  readonly forum: {
    readonly proposals: number;
    /** Share of the proposals scored against the forum's model (the rest stay unprioritised). */
    readonly scoredShare: number;
    readonly setupConcurrency: number;
    readonly targetRate: number;
    readonly targetP99Ms: number;
  };
}

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
};

export function loadConfig(): BenchConfig {
  const scale = num('BENCH_SCALE', 1);
  const scaled = (name: string, base: number, minimum = 1) => Math.max(minimum, Math.round(num(name, base * scale)));
  const phases = (process.env.BENCH_PHASES ?? 'append,rebuild,http,forum')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is 'append' | 'rebuild' | 'http' | 'forum' => p === 'append' || p === 'rebuild' || p === 'http' || p === 'forum');
  const rounds = Math.max(1, Math.round(num('BENCH_ROUNDS', 5)));
  return {
    scale,
    phases: new Set(phases),
    rounds,
    append: {
      sliceMs: Math.max(200, Math.round(num('BENCH_APPEND_SLICE_MS', 1000 * scale))),
      concurrentWriters: Math.round(num('BENCH_APPEND_WRITERS', 8)),
      batchSize: Math.round(num('BENCH_APPEND_BATCH_SIZE', 100)),
      commandsPerStream: Math.round(num('BENCH_APPEND_PER_STREAM', 4)),
      preparedCommands: {
        single: Math.round(num('BENCH_APPEND_PREPARED_SINGLE', 12_000 * Math.max(1, scale))),
        concurrent: Math.round(num('BENCH_APPEND_PREPARED_CONCURRENT', 2_500 * Math.max(1, scale))),
        batch: Math.round(num('BENCH_APPEND_PREPARED_BATCHES', 250 * Math.max(1, scale))),
      },
    },
    rebuild: {
      proposals: scaled('BENCH_PROPOSALS', 50_000, 100),
      loadWriters: Math.round(num('BENCH_LOAD_WRITERS', 8)),
      rounds: Math.max(1, Math.round(num('BENCH_REBUILD_ROUNDS', 2))),
      batchSize: Math.round(num('BENCH_REBUILD_BATCH', 2000)),
    },
    http: {
      seconds: num('BENCH_HTTP_SECONDS', Math.max(2, 4 * scale)),
      warmupSeconds: num('BENCH_HTTP_WARMUP_SECONDS', Math.max(1, 2 * scale)),
      connections: Math.round(num('BENCH_HTTP_CONNECTIONS', 10)),
      rounds: Math.max(1, Math.round(num('BENCH_HTTP_ROUNDS', 3))),
      targetRate: num('BENCH_HTTP_TARGET_RATE', 1500),
      roles: process.env.BENCH_HTTP_ROLES ?? 'programme_office',
      logLevel: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
    },
    forum: {
      proposals: scaled('BENCH_FORUM_PROPOSALS', 10_000, 10),
      scoredShare: Math.min(1, num('BENCH_FORUM_SCORED_SHARE', 0.8)),
      setupConcurrency: Math.round(num('BENCH_FORUM_SETUP_CONCURRENCY', 32)),
      targetRate: num('BENCH_FORUM_TARGET_RATE', 4000),
      targetP99Ms: num('BENCH_FORUM_TARGET_P99_MS', 10),
    },
  };
}
