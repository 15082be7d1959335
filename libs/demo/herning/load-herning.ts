/** Loads Herning's year (see herning-data.ts) through the API, step by step, each step safe to repeat. */
import { waitFor, type DemoClient } from '../demo-client.js';
import { ensureSubmittedProposal, inPortfolio } from '../proposal-steps.js';
import { ensureForum, ensureFundingPool, ensureMembers, ensureOrganisation } from '../setup-steps.js';
import type { Scenario } from '../steps.js';
import {
  DEPARTMENTS,
  departmentActor,
  DIRECTORATE,
  dkk,
  HERNING,
  MEETING_RULE,
  MEETINGS,
  MEMBERS_FROM,
  PAYBACK,
  POOL,
  PROGRAMME_OFFICE as PO,
  PROPOSALS,
  STEERING_GROUP,
  STEERING_GROUP_MEMBERS,
  YEAR,
  type DemoDecision,
  type DemoMeeting,
} from './herning-data.js';

export interface HerningSummary {
  readonly organisationId: string;
  readonly directorateId: string;
  readonly steeringGroupId: string;
  readonly scoringModelId: string;
  readonly fundingPoolId: string;
  /** Proposal ids by the demo's key (`esdh-integration`, `citizen-service-module`, ...). */
  readonly proposals: Readonly<Record<string, string>>;
  /** Meeting ids by month, for the meetings with decisions. */
  readonly meetings: Readonly<Record<number, string>>;
  /** The funding decision of the ESDH integration: its id is also the commitment's and the payback agreement's. */
  readonly integrationFundingDecisionId: string;
  readonly paybackAgreement: string;
}

interface MeetingView {
  readonly meetingId: string;
  readonly startsAt: string;
  readonly status: string;
}

interface ProjectDecision {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly kind: string;
}

/** Mutable while the steps run; answered as HerningSummary. */
interface HerningState {
  directorateId: string;
  steeringGroupId: string;
  scoringModelId: string;
  modelVersion: number;
  fundingPoolId: string;
  proposals: Record<string, string>;
  meetingsByMonth: Record<number, MeetingView>;
  integrationFundingDecisionId: string;
  paybackAgreement: string;
}

export function herningScenario(client: DemoClient): Scenario<HerningSummary> {
  const s = { proposals: {}, meetingsByMonth: {} } as HerningState;
  const forumPath = () => `/v1/forums/${s.steeringGroupId}`;
  const steps = [
    {
      label: 'Herning: kommunen og de fem forvaltninger',
      run: () => ensureOrganisation(client, PO, { id: HERNING, name: 'Herning Kommune', kind: 'municipality', departments: DEPARTMENTS }),
    },
    {
      label: 'Herning: Direktionen og Styregruppen for Digital Forvaltning',
      run: async () => {
        s.directorateId = await ensureForum(client, PO, 'directorate', DIRECTORATE);
        s.steeringGroupId = await ensureForum(client, PO, 'steering-group', STEERING_GROUP, s.directorateId);
        await ensureMembers(client, PO, s.steeringGroupId, STEERING_GROUP_MEMBERS, MEMBERS_FROM, 'Udpeget af Direktionen efter kommissoriet: én repræsentant for hver forvaltning');
      },
    },
    {
      label: 'Herning: mødekalender (hver måned undtagen juli)',
      run: async () => {
        await client.write(PO, 'PUT', `${forumPath()}/meeting-rule`, { body: MEETING_RULE });
        const scheduled = await client.write<{ meetings: MeetingView[] }>(PO, 'POST', `${forumPath()}/meetings/schedule`, { body: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` } });
        for (const meeting of scheduled.body.meetings) s.meetingsByMonth[Number(meeting.startsAt.slice(5, 7))] = meeting;
      },
    },
    {
      label: 'Herning: scoringsmodel og udviklingspulje',
      run: async () => {
        const models = await client.get<{ items: { id: string; status: string; currentVersion: number }[] }>(PO, `/v1/scoring-models?forumId=${s.steeringGroupId}`, client.lastPosition);
        let model = models.body.items.find((m) => m.status === 'active');
        if (model === undefined) {
          const defined = await client.write<{ id: string; currentVersion: number; status: string }>(PO, 'POST', '/v1/scoring-models', {
            body: { forumId: s.steeringGroupId, template: 'herning_default' },
            idempotencyKey: `demo:scoring-model:${s.steeringGroupId}`,
          });
          model = defined.body;
        }
        s.scoringModelId = model.id;
        s.modelVersion = model.currentVersion;
        s.fundingPoolId = await ensureFundingPool(client, PO, s.steeringGroupId, POOL);
      },
    },
    {
      label: 'Herning: årets projektindstillinger, indsendt af forvaltningerne',
      run: async () => {
        for (const p of PROPOSALS) s.proposals[p.key] = await ensureSubmittedProposal(client, departmentActor(p.department), p.key, p.form);
        for (const id of Object.values(s.proposals)) await inPortfolio(client, PO, id);
      },
    },
    {
      label: 'Herning: forvaltningernes scoring på de fire kriterier',
      run: async () => {
        for (const p of PROPOSALS) {
          await client.write(departmentActor(p.department), 'POST', `/v1/proposals/${s.proposals[p.key]}/scores`, {
            body: { assessorKind: 'department', forumId: s.steeringGroupId, modelId: s.scoringModelId, modelVersion: s.modelVersion, scores: p.scores, rationale: p.scoreRationale },
            idempotencyKey: `demo:score:${s.proposals[p.key]}`,
          });
        }
        // agendas are frozen from the ranking read model: let it include every scored proposal first
        await waitFor('the steering group ranking', async () => {
          const ranking = await client.get<{ rows: { proposalId: string }[] }>(PO, `${forumPath()}/ranking`, client.lastPosition);
          const ranked = new Set(ranking.body.rows.map((r) => r.proposalId));
          return Object.values(s.proposals).every((id) => ranked.has(id)) ? true : null;
        }, client.signal);
      },
    },
    ...MEETINGS.map((meeting) => ({
      label: `Herning: styregruppemødet ${YEAR}-${String(meeting.month).padStart(2, '0')} (dagsorden fastfrosset, beslutninger)`,
      run: () => holdMeeting(client, s, meeting),
    })),
    {
      label: 'Herning: tilbagebetalingsaftale for ESDH-integrationen (effektiviseringsprincippet)',
      run: async () => {
        const agreement = await client.write(PO, 'POST', `/v1/funding-pools/${s.fundingPoolId}/payback-agreements`, {
          body: { commitmentId: s.integrationFundingDecisionId, beneficiaries: PAYBACK.beneficiaries, shareBasisPoints: PAYBACK.shareBasisPoints, years: PAYBACK.years },
          idempotencyKey: `demo:payback:${s.integrationFundingDecisionId}`,
        });
        s.paybackAgreement = `/v1/funding-pools/${s.fundingPoolId}/payback-agreements/${(agreement.body as { commitmentId: string }).commitmentId}`;
      },
    },
  ];
  const summary = (): HerningSummary => ({
    organisationId: HERNING,
    directorateId: s.directorateId,
    steeringGroupId: s.steeringGroupId,
    scoringModelId: s.scoringModelId,
    fundingPoolId: s.fundingPoolId,
    proposals: { ...s.proposals },
    meetings: Object.fromEntries(MEETINGS.map((m) => [m.month, s.meetingsByMonth[m.month].meetingId])),
    integrationFundingDecisionId: s.integrationFundingDecisionId,
    paybackAgreement: s.paybackAgreement,
  });
  return { steps, summary };
}

/** A meeting: its agenda with one item per decision, frozen with the pool and the ranking, then the decisions. */
async function holdMeeting(client: DemoClient, s: HerningState, meeting: DemoMeeting): Promise<void> {
  const { meetingId, startsAt } = s.meetingsByMonth[meeting.month];
  const agendaPath = `/v1/meetings/${meetingId}/agenda`;
  let agenda = await client.find<AgendaView>(PO, agendaPath);
  if (agenda === null) agenda = await client.write<AgendaView>(PO, 'POST', agendaPath, { idempotencyKey: `demo:agenda:${meetingId}` });
  if (agenda.body.status === 'draft') {
    const onAgenda = new Set(agenda.body.items.map((i) => i.proposalId));
    for (const decision of meeting.decisions) {
      const proposalId = s.proposals[decision.proposal];
      if (onAgenda.has(proposalId)) continue;
      const title = PROPOSALS.find((p) => p.key === decision.proposal)!.form.title;
      await client.write(PO, 'POST', `${agendaPath}/items`, {
        body: { kind: 'decision', title: `Indstilling: ${title}`, proposalId, decisionAsked: decision.kind === 'escalate' ? 'approve' : decision.kind },
        idempotencyKey: `demo:agenda-item:${meetingId}:${proposalId}`,
      });
    }
    await client.write(PO, 'POST', `${agendaPath}/freeze`, {
      body: { scoringModelId: s.scoringModelId, fundingPoolId: s.fundingPoolId },
      idempotencyKey: `demo:agenda-freeze:${meetingId}`,
    });
    agenda = await client.get<AgendaView>(PO, agendaPath);
  }
  for (const decision of meeting.decisions) await decide(client, s, meetingId, agenda.body.revision, decision);

  // a meeting that has taken place is marked held; one still ahead stays scheduled
  const current = await client.get<MeetingView>(PO, `/v1/meetings/${meetingId}`);
  if (current.body.status === 'scheduled' && Date.parse(startsAt) < Date.now()) {
    await client.write(PO, 'POST', `/v1/forums/${s.steeringGroupId}/meetings/${meetingId}/held`, { ifMatch: current.etag });
  }
}

interface AgendaView {
  readonly status: 'draft' | 'frozen';
  readonly revision: number;
  readonly items: readonly { proposalId: string | null }[];
}

/** Records the decision unless the project already has one of that kind from this meeting. */
async function decide(client: DemoClient, s: HerningState, meetingId: string, agendaRevision: number, decision: DemoDecision): Promise<void> {
  const proposalId = s.proposals[decision.proposal];
  const project = await client.get<{ decisions: ProjectDecision[] }>(PO, `/v1/projects/${proposalId}`);
  let taken = project.body.decisions.find((d) => d.meetingId === meetingId && d.kind === decision.kind);
  if (taken === undefined) {
    const votes = STEERING_GROUP_MEMBERS.map(({ memberId }) => ({
      memberId,
      vote: decision.against?.includes(memberId) ? 'against' : decision.abstaining?.includes(memberId) ? 'abstain' : 'for',
    }));
    const deferredTo = decision.deferredToMonth === undefined ? undefined : s.meetingsByMonth[decision.deferredToMonth].meetingId;
    const recorded = await client.write<ProjectDecision>(PO, 'POST', `/v1/meetings/${meetingId}/decisions`, {
      body: {
        proposalId,
        kind: decision.kind,
        rationale: decision.rationale,
        agendaRevision,
        votes,
        ...(decision.amount !== undefined && { amount: dkk(decision.amount), poolId: s.fundingPoolId }),
        ...(deferredTo && { deferredToMeetingId: deferredTo }),
      },
      idempotencyKey: `demo:decision:${meetingId}:${proposalId}:${decision.kind}`,
    });
    taken = recorded.body;
  }
  if (decision.proposal === PAYBACK.proposal && decision.amount !== undefined) s.integrationFundingDecisionId = taken.decisionId;
}
