import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type Actor, type EventMetadata, type EventStore } from '../../event-store/index.js';
import { agendaStream } from '../../governance/agendas/application/agenda-stream.js';
import { AgendaEventType, verifyPack, type AgendaFrozenData, type AgendaPack, type ProposalSnapshot } from '../../governance/domain/agendas/index.js';
import { ProjectEventType, type DecisionBasis, type DecisionNotReachedData, type DecisionTakenData } from '../../governance/domain/decisions/index.js';
import { scoringModelStream } from '../../prioritisation/application/prioritisation-streams.js';
import { ScoringModelEventType, type ScoringModelVersion } from '../../prioritisation/domain/index.js';
import { PG_POOL } from '../../platform/index.js';
import { EVENT_ORGANISATION_SQL } from './event-organisation.js';

/** No decision of the organisation has this id. */
export class DecisionRecordNotFound extends Error {
  constructor(readonly decisionId: string) {
    super(`no decision ${decisionId}`);
    this.name = 'DecisionRecordNotFound';
  }
}

/**
 * What the forum saw when it decided, read only from facts recorded then: the decision event (its basis: the forum's
 * mandate, rule and voting members that day, the votes and their tally, the mandate check, the gate rule), the
 * agenda revision it was taken on as frozen (its pack, re-verified against the hash the decision recorded), and the
 * scoring model version the pack was scored with, from the event that defined that version. Nothing here reads a
 * current state: amending the proposal or revising the model later cannot change the answer.
 */
export interface WhatTheForumSaw {
  readonly decision: {
    readonly decisionId: string;
    readonly proposalId: string;
    readonly kind: string;
    /** `carried`, or why no decision came of the vote. */
    readonly outcome: string;
    readonly rationale: string;
    readonly from: string;
    readonly to: string;
    readonly amount: DecisionTakenData['amount'];
    readonly poolId: string | null;
    readonly deferredToMeetingId: string | null;
    readonly requestedChanges: string | null;
    readonly priorityNote: string | null;
    readonly escalatedToForumId: string | null;
    readonly recordedAt: string;
    readonly recordedBy: Actor;
    readonly correlationId: string;
    /** Where the decision sits in the log: pass it as `asOf` to see the portfolio right after it. */
    readonly position: string;
  };
  readonly forum: DecisionBasis['forum'];
  readonly meeting: DecisionBasis['meeting'];
  readonly votes: DecisionBasis['votes'];
  readonly tally: DecisionBasis['tally'];
  readonly mandateCheck: DecisionBasis['mandateCheck'];
  readonly gateRules: DecisionBasis['gateRules'];
  readonly agenda: {
    readonly meetingId: string;
    readonly revision: number;
    readonly contentHash: string;
    /** The frozen pack still hashes to the hash the decision recorded. */
    readonly verified: boolean;
    readonly frozenAt: string | null;
    readonly frozenBy: string | null;
    readonly pack: AgendaPack | null;
  };
  /** The proposal as the pack showed it (its version then and its content), and its rank and score as the decision recorded them. */
  readonly proposal: DecisionBasis['agenda']['proposal'] & { readonly asShown: ProposalSnapshot | null };
  /** The scoring model version the pack's scores were computed with, as that version was defined; null when the forum did not score. */
  readonly scoringModel: ScoringModelVersion | null;
  /** The pool's balance as the pack showed it (amount, committed, available); null when the agenda carried no pool. */
  readonly poolBalance: AgendaPack['fundingPool'];
}

interface DecisionRow {
  tx: string;
  gp: string;
  type: string;
  data: DecisionTakenData | DecisionNotReachedData;
  metadata: EventMetadata;
  recorded_at: Date;
}

@Injectable()
export class WhatTheForumSawReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async read(organisationId: string, decisionId: string): Promise<WhatTheForumSaw> {
    const { rows } = await this.pool.query<DecisionRow>(
      `SELECT transaction_id::text AS tx, global_position::text AS gp, type, data, metadata, recorded_at FROM es_events
        WHERE (data->>'decisionId') = $1 AND type IN ('DecisionTaken', 'DecisionNotReached') AND ${EVENT_ORGANISATION_SQL} = $2`,
      [decisionId, organisationId],
    );
    const row = rows[0];
    if (!row) throw new DecisionRecordNotFound(decisionId);
    const d = row.data;
    const basis = d.basis;
    const frozen = await this.frozenRevision(basis.agenda.meetingId, basis.agenda.revision);
    const pack = frozen?.data.pack ?? null;
    const reached = row.type === ProjectEventType.DecisionTaken;
    return {
      decision: {
        decisionId: d.decisionId,
        proposalId: d.proposalId,
        kind: d.kind,
        outcome: reached ? 'carried' : (d as DecisionNotReachedData).outcome,
        rationale: d.rationale,
        from: reached ? (d as DecisionTakenData).from : (d as DecisionNotReachedData).position,
        to: reached ? (d as DecisionTakenData).to : (d as DecisionNotReachedData).position,
        amount: d.amount,
        poolId: d.poolId,
        deferredToMeetingId: d.deferredToMeetingId,
        requestedChanges: d.requestedChanges,
        priorityNote: d.priorityNote,
        escalatedToForumId: d.escalatedToForumId,
        recordedAt: row.recorded_at.toISOString(),
        recordedBy: row.metadata.actor,
        correlationId: row.metadata.correlationId,
        position: `${row.tx}.${row.gp}`,
      },
      forum: basis.forum,
      meeting: basis.meeting,
      votes: basis.votes,
      tally: basis.tally,
      mandateCheck: basis.mandateCheck,
      gateRules: basis.gateRules,
      agenda: {
        meetingId: basis.agenda.meetingId,
        revision: basis.agenda.revision,
        contentHash: basis.agenda.contentHash,
        verified: pack !== null && frozen!.data.contentHash === basis.agenda.contentHash && verifyPack(pack, basis.agenda.contentHash),
        frozenAt: frozen?.recordedAt.toISOString() ?? null,
        frozenBy: frozen?.metadata.actor.subject ?? null,
        pack,
      },
      proposal: { ...basis.agenda.proposal, asShown: pack?.items.find((item) => item.proposalId === d.proposalId)?.proposal ?? null },
      scoringModel: pack?.scoringModel ? await this.modelVersion(pack.scoringModel.id, pack.scoringModel.version) : null,
      poolBalance: pack?.fundingPool ?? null,
    };
  }

  /** The AgendaFrozen event of that revision, as recorded. */
  private async frozenRevision(meetingId: string, revision: number) {
    const events = await this.store.readStream(agendaStream(meetingId));
    const frozen = events.find((e) => e.type === AgendaEventType.Frozen && (e.data as AgendaFrozenData).revision === revision);
    return frozen ? { ...frozen, data: frozen.data as AgendaFrozenData } : null;
  }

  /** Version n of a model as the event that defined it recorded it (versions never change once recorded). */
  private async modelVersion(modelId: string, version: number): Promise<ScoringModelVersion | null> {
    const events = await this.store.readStream(scoringModelStream(modelId));
    const defined = events.find(
      (e) => (e.type === ScoringModelEventType.Defined || e.type === ScoringModelEventType.Revised) && (e.data as ScoringModelVersion).version === version,
    );
    return (defined?.data as ScoringModelVersion | undefined) ?? null;
  }
}
