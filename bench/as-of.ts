import pg from 'pg';
import { DataSource } from 'typeorm';
import { AUDIT_MIGRATIONS } from '../libs/audit/migrations.js';
import { PostgresEventStore, type EventMetadata, type NewEvent } from '../libs/event-store/index.js';
import { HERNING_DEFAULT_MODEL } from '../libs/prioritisation/domain/index.js';
import { LogPointResolver } from '../libs/time-travel/application/log-point.resolver.js';
import { PortfolioAsOf } from '../libs/time-travel/application/portfolio-as-of.js';
import { PortfolioHistory } from '../libs/time-travel/application/portfolio-history.js';
import { loadSnapshotKeeperConfig, PortfolioSnapshotKeeper } from '../libs/time-travel/application/portfolio-snapshot-keeper.js';
import { parseAsOf } from '../libs/time-travel/domain/as-of.js';
import { TIME_TRAVEL_MIGRATIONS } from '../libs/time-travel/migrations.js';
import type { BenchConfig } from './support/config.js';
import { generateProposal } from './support/proposal-events.js';
import { Random } from './support/random.js';
import { log, type Report } from './support/report.js';
import { fmt } from './support/stats.js';

/**
 * Phase `asof`: the portfolio views as of random times over a log of a million events. The log is written through
 * the event store in appends of whole histories (many organisations, interleaved), each organisation with a forum, a
 * Herning model, a pool, a year of meetings and its proposals: drafted, amended twice, submitted, entered into the
 * portfolio, most scored, some funded by a decision. Then: the snapshot keeper's first round over the whole log; the
 * directors' and a forum's portfolio as of random times, as the first query of organisations without snapshots (the
 * keeper off), as the first query of organisations the keeper covered, and as warm queries; and as of now, right after
 * heavy writing into new organisations while the keeper runs on its period.
 */
export const asOfPhaseRequested = () => (process.env.BENCH_PHASES ?? '').split(',').map((p) => p.trim()).includes('asof');

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? fallback : Number(raw);
};

export interface Command {
  readonly streamId: string;
  readonly events: NewEvent[];
}

const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' as const });

function metadata(r: Random, organisationId: string, scoped: boolean): EventMetadata {
  const correlationId = r.uuid();
  return {
    actor: { subject: `user-${r.int(1, 50)}@${organisationId}`, roles: ['programme_office'], organisationId },
    correlationId,
    causationId: correlationId,
    requestId: r.uuid(),
    ...(scoped && { organisationId }),
  };
}

/** One organisation's history (`org-<index>`) as commands in order; `proposals` of them. Also the snapshot keeper's test data. */
export function organisationHistory(index: number, proposals: number): Command[] {
  const r = new Random(`asof-org:${index}`);
  const org = `org-${index}`;
  const forumId = r.uuid();
  const modelId = r.uuid();
  const poolId = r.uuid();
  const meta = (scoped = false) => metadata(r, org, scoped);
  const commands: Command[] = [
    {
      streamId: `forum-${forumId}`,
      events: [
        {
          type: 'ForumEstablished',
          data: { forumId, organisationId: org, name: 'Styregruppen', kind: 'steering_group', parentForumId: null, mandate: { decisionKinds: ['approve'], investmentAreas: [], departmentIds: [], maximumAmount: null }, decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } },
          metadata: meta(),
        },
      ],
    },
    { streamId: `scoring-model-${modelId}`, events: [{ type: 'ScoringModelDefined', data: { ...HERNING_DEFAULT_MODEL, modelId, forumId, version: 1 }, metadata: meta(true) }] },
    { streamId: `funding-pool-${poolId}`, events: [{ type: 'FundingPoolEstablished', data: { poolId, organisationId: org, forumId, year: 2027, name: 'Udviklingspuljen', investmentArea: null, amount: dkk(50_000_000) }, metadata: meta() }] },
    {
      streamId: `meeting-calendar-${forumId}`,
      events: Array.from({ length: 11 }, (_, m) => {
        const month = m < 6 ? m + 1 : m + 2;
        const startsAt = `2027-${String(month).padStart(2, '0')}-05T14:00:00+01:00`;
        return {
          type: 'MeetingScheduled',
          data: { forumId, meetingId: r.uuid(), plannedDate: startsAt.slice(0, 10), startsAt, endsAt: startsAt.replace('14:00', '16:00'), timeZone: 'Europe/Copenhagen' },
          metadata: meta(true),
        };
      }),
    },
  ];
  for (let p = 0; p < proposals; p++) {
    const proposal = generateProposal(p, `asof:${index}`, org);
    const id = proposal.proposalId;
    commands.push({ streamId: `proposal-${id}`, events: proposal.events.map((e) => ({ ...e, metadata: meta() })) });
    const project: NewEvent[] = [{ type: 'ProjectEnteredPortfolio', data: { proposalId: id, organisationId: org, title: 'entered', stage: 'idea' }, metadata: meta() }];
    if (r.chance(0.8)) {
      const s = () => r.int(1, 5);
      commands.push({
        streamId: `scorecard-${id}-${forumId}`,
        events: [{ type: 'ScoreSetRecorded', data: { proposalId: id, forumId, modelId, modelVersion: 1, assessor: { kind: 'department', subject: 'it' }, scores: { legal_requirement: s(), faces_citizens_or_businesses: s(), gain_for_the_business: s(), expected_economic_gain: s() }, rationale: null }, metadata: meta(true) }],
      });
    }
    if (r.chance(0.3)) {
      const decisionId = r.uuid();
      const amount = dkk(r.int(1, 50) * 10_000);
      commands.push({ streamId: `funding-pool-${poolId}`, events: [{ type: 'FundingCommitted', data: { poolId, commitmentId: decisionId, proposalId: id, decisionId, amount, costKind: 'development' }, metadata: meta() }] });
      const basis = { forum: { forumId }, meeting: { meetingId: r.uuid(), heldOn: '2027-02-02' }, agenda: { revision: 1 }, votes: [], tally: { outcome: 'carried' } };
      project.push(
        { type: 'DecisionTaken', data: { proposalId: id, decisionId, kind: 'approve', rationale: 'Business case holds', from: 'idea', to: 'analysis', amount, poolId, deferredToMeetingId: null, requestedChanges: null, priorityNote: null, escalatedToForumId: null, basis }, metadata: meta() },
        { type: 'ProjectStageChanged', data: { proposalId: id, from: 'idea', to: 'analysis', decisionId }, metadata: meta() },
      );
    }
    commands.push({ streamId: `project-${id}`, events: project });
  }
  return commands;
}

/** A query slower than this is logged with what else PostgreSQL was doing. */
const SLOW_MS = 500;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function asOfPhase(databaseUrl: string, config: BenchConfig, report: Report): Promise<void> {
  const targetEvents = Math.round(num('BENCH_ASOF_EVENTS', 1_000_000 * config.scale));
  const organisations = Math.round(num('BENCH_ASOF_ORGANISATIONS', 100));
  const queries = Math.round(num('BENCH_ASOF_QUERIES', 200));
  const writers = Math.round(num('BENCH_ASOF_WRITERS', 6));
  const perProposal = 6.7; // the mix above, on average
  const proposalsPerOrg = Math.max(1, Math.round(targetEvents / organisations / perProposal));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: writers + 2 });
  const store = new PostgresEventStore(pool);
  try {
    await store.migrate();
    // interleave the organisations, so that each one's events are spread over the whole log
    const histories = Array.from({ length: organisations }, (_, i) => organisationHistory(i, proposalsPerOrg));
    const commands: Command[] = [];
    for (let step = 0; histories.some((h) => step < h.length); step++) for (const h of histories) if (step < h.length) commands.push(h[step]);
    const total = commands.reduce((n, c) => n + c.events.length, 0);
    log(`asof: writing ${total} events (${organisations} organisations × ${proposalsPerOrg} proposals) through the event store, ${writers} writers`);
    const started = Date.now();
    let next = 0;
    let lastLog = Date.now();
    let written = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = next++; i < commands.length; i = next++) {
          await store.append(commands[i].streamId, commands[i].events, { expectedVersion: 'any' });
          written += commands[i].events.length;
          if (Date.now() - lastLog > 10_000) {
            lastLog = Date.now();
            log(`asof: ${written} events written`);
          }
        }
      }),
    );
    const loadSeconds = (Date.now() - started) / 1000;
    log(`asof: ${total} events in ${loadSeconds.toFixed(0)} s (${fmt(total / loadSeconds)} ev/s); creating the audit indexes and the snapshot table`);
    const indexStarted = Date.now();
    const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations: [...AUDIT_MIGRATIONS, ...TIME_TRAVEL_MIGRATIONS], migrationsRun: true, migrationsTransactionMode: 'each', logging: ['error'] });
    await dataSource.initialize();
    await dataSource.destroy();
    await pool.query('ANALYZE es_events');
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    report.add({ phase: 'asof', measure: 'log', value: `${fmt(total)} events`, note: `${organisations} organisations, ${proposalsPerOrg} proposals each; written in ${loadSeconds.toFixed(0)} s, indexes built after in ${indexSeconds.toFixed(0)} s` });

    const points = new LogPointResolver(pool, store);
    const history = new PortfolioHistory(pool);
    const portfolios = new PortfolioAsOf(pool, history);
    const { rows } = await pool.query<{ first: Date; last: Date }>('SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM es_events');
    const r = new Random('asof-queries');
    const forumOf = new Map<string, string>();
    // the random times of an organisation fall after its forum was established: before it, the forum's view is a 404
    const forumSince = new Map<string, number>();
    const findForums = async () => {
      for (const { organisation_id, forum_id, recorded_at } of (
        await pool.query<{ organisation_id: string; forum_id: string; recorded_at: Date }>(
          `SELECT data->>'organisationId' AS organisation_id, data->>'forumId' AS forum_id, recorded_at FROM es_events WHERE type = 'ForumEstablished'`,
        )
      ).rows) {
        forumOf.set(organisation_id, forum_id);
        forumSince.set(organisation_id, recorded_at.getTime());
      }
    };
    await findForums();
    const query = async (org: string, at: string): Promise<{ directors: number; forum: number }> => {
      const t0 = performance.now();
      const point = await points.resolve(parseAsOf(at));
      await portfolios.directors({ organisationId: org, sort: 'score', direction: 'desc', limit: 20 }, point);
      const t1 = performance.now();
      await portfolios.forum(org, forumOf.get(org)!, await points.resolve(parseAsOf(at)));
      const t2 = performance.now();
      return { directors: t1 - t0, forum: t2 - t1 };
    };
    const randomTime = (org: string) => {
      const since = forumSince.get(org) ?? rows[0].first.getTime();
      return new Date(since + r.int(0, rows[0].last.getTime() - since)).toISOString();
    };
    const measure = async (label: string, orgs: string[], note: string, at: (org: string) => string = randomTime) => {
      const directors: number[] = [];
      const forum: number[] = [];
      for (const org of orgs) {
        const when = at(org);
        const m = await query(org, when);
        directors.push(m.directors);
        forum.push(m.forum);
        if (m.directors + m.forum > SLOW_MS) {
          // what else ran: a slow answer beside an autovacuum or a checkpoint is the machine's, not the read's
          const { rows: busy } = await pool.query<{ what: string }>(
            `SELECT coalesce(string_agg(DISTINCT backend_type || coalesce(': ' || left(query, 60), ''), '; '), 'nothing') AS what FROM pg_stat_activity
              WHERE pid <> pg_backend_pid()
                AND (backend_type = 'autovacuum worker' OR (backend_type = 'checkpointer' AND wait_event IS DISTINCT FROM 'CheckpointerMain') OR wait_event_type = 'IO')`,
          );
          log(`asof: slow (${label}): ${org} as of ${when}: directors' ${m.directors.toFixed(0)} ms, forum ${m.forum.toFixed(0)} ms; busy in PostgreSQL right after: ${busy[0].what}`);
        }
      }
      for (const [name, values] of [["directors' portfolio", directors], ["a forum's portfolio", forum]] as const) {
        const sorted = [...values].sort((a, b) => a - b);
        const figure = `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
        log(`asof: ${label}, ${name}: ${figure} (${values.length} queries)`);
        report.add({ phase: 'asof', measure: `${label}: ${name}`, value: figure, note });
      }
    };
    const snapshotFigures = async () => {
      const { rows: s } = await pool.query<{ n: string; mb: string }>('SELECT count(*)::text AS n, (sum(pg_column_size(state)) / 1e6)::numeric(10,1)::text AS mb FROM time_travel_portfolio_snapshots');
      return `${s[0].n} snapshots, ${s[0].mb} MB`;
    };
    const orgRange = (from: number) => Array.from({ length: Math.max(0, Math.min(20, organisations - from)) }, (_, i) => `org-${from + i}`);

    // the keeper over the whole log, as on the first start of a service on an existing log without snapshots
    const keeper = new PortfolioSnapshotKeeper(pool, store, history, { periodMs: 0 });
    const keeperStarted = performance.now();
    const caughtUp = await keeper.round();
    const keeperSeconds = (performance.now() - keeperStarted) / 1000;
    log(`asof: snapshot keeper caught up over ${total} events in ${keeperSeconds.toFixed(1)} s: ${caughtUp?.snapshots} snapshots cut (${await snapshotFigures()})`);
    report.add({ phase: 'asof', measure: 'snapshot keeper, first round over the whole log', value: `${keeperSeconds.toFixed(1)} s`, note: `${caughtUp?.snapshots} snapshots cut for ${organisations} organisations, one connection` });

    // without the keeper: each organisation's first read folds from the start and cuts the snapshots (saved after the answer)
    const cold = orgRange(0);
    await pool.query('DELETE FROM time_travel_portfolio_snapshots WHERE organisation_id = ANY ($1)', [cold]);
    await measure(
      'first query of an organisation, no snapshots (keeper off)',
      cold,
      `${cold.length} organisations (their snapshots deleted), each at a random time: the directors' read folds from the start and cuts snapshots every ${history.interval} events, the forum's read after it starts from those`,
    );
    // a read as of the head cuts the rest of theirs, as the keeper does for organisations it sees written to
    const head = await points.resolve(parseAsOf(new Date().toISOString()));
    for (const org of cold) await history.stateAt(org, head);
    await history.whenSaved();

    const fresh = orgRange(20);
    if (fresh.length) {
      await measure('first query of an organisation after the keeper caught up', fresh, `${fresh.length} organisations never read before, each at a random time: the nearest snapshot, then at most ${history.interval} events`);
    }

    // steady state: each organisation's snapshots cover its whole history
    const sample = [...cold, ...fresh];
    const figures = await snapshotFigures();
    await measure('as of a random time', Array.from({ length: queries }, () => sample[r.int(0, sample.length - 1)]), `${queries} queries, random organisation of the ${sample.length} and random time; ${figures} in place`);

    // heavy writing into a few new organisations while the keeper runs on its period, then each one read as of now
    const busy = Array.from({ length: 5 }, (_, i) => organisations + i);
    const burst = busy.map((i) => organisationHistory(i, Math.round((4 * history.interval) / perProposal)));
    const burstCommands: Command[] = [];
    for (let step = 0; burst.some((h) => step < h.length); step++) for (const h of burst) if (step < h.length) burstCommands.push(h[step]);
    const running = new PortfolioSnapshotKeeper(pool, store, history, loadSnapshotKeeperConfig());
    running.onApplicationBootstrap();
    const burstStarted = performance.now();
    let burstNext = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = burstNext++; i < burstCommands.length; i = burstNext++) await store.append(burstCommands[i].streamId, burstCommands[i].events, { expectedVersion: 'any' });
      }),
    );
    const burstEvents = burstCommands.reduce((n, c) => n + c.events.length, 0);
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    log(`asof: ${burstEvents} events written into ${busy.length} new organisations in ${burstSeconds.toFixed(0)} s with the keeper running`);
    await findForums();
    try {
      await measure(
        'first query as of now right after heavy writing',
        busy.map((i) => `org-${i}`),
        `${busy.length} new organisations, ${burstEvents} events written in ${burstSeconds.toFixed(0)} s (${fmt(burstEvents / burstSeconds)} ev/s), the keeper on its ${loadSnapshotKeeperConfig().periodMs} ms period; each read as soon as the writing ended`,
        () => new Date().toISOString(),
      );
    } finally {
      await running.beforeApplicationShutdown();
    }
  } finally {
    await store.close();
    await pool.end();
  }
}
