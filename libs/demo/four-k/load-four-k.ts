/** Loads 4K (see four-k-data.ts) through the API, step by step, each step safe to repeat. */
import type { DemoClient } from '../demo-client.js';
import { ensureForum, ensureFundingPool, ensureMembers, ensureOrganisation } from '../setup-steps.js';
import type { Scenario } from '../steps.js';
import {
  CEOS,
  COLLABORATION,
  COSTS,
  FEE_SCHEME,
  HOURLY_RATE,
  HOURS,
  JOINED_ON,
  MEMBERS,
  memberOffice,
  OPT_OUT,
  PROJECTS,
  QUARTERLY,
  SECRETARIAT,
  SECRETARIAT_ORGANISATION,
  SETTLEMENT_YEAR,
  STEERING_GROUP,
  WELFARE_TECHNOLOGY_POOL,
} from './four-k-data.js';

export interface FourKSummary {
  readonly organisationId: string;
  readonly collaborationId: string;
  readonly steeringGroupId: string;
  readonly welfareTechnologyPoolId: string;
  readonly settlementYear: number;
}

interface CollaborationView {
  readonly id: string;
  readonly members: readonly { organisationId: string; leftOn: string | null }[];
  readonly forumIds: readonly string[];
  readonly feeSchemes: readonly { effectiveFromYear: number }[];
  readonly hourlyRates: readonly { effectiveFrom: string }[];
  readonly projects: readonly { projectId: string; status: string; optedOut: readonly { organisationId: string }[] }[];
  readonly settlements: readonly { year: number }[];
}

export function fourKScenario(client: DemoClient): Scenario<FourKSummary> {
  const s = {} as { collaborationId: string; steeringGroupId: string; poolId: string };
  const base = () => `/v1/collaborations/${s.collaborationId}`;
  const read = () => client.get<CollaborationView>(SECRETARIAT, base());

  const steps = [
    {
      label: '4K: de fire kommuner og sekretariatet',
      run: async () => {
        for (const member of MEMBERS) await ensureOrganisation(client, memberOffice(member.id), { ...member, kind: 'municipality' });
        await ensureOrganisation(client, SECRETARIAT, SECRETARIAT_ORGANISATION);
      },
    },
    {
      label: '4K: samarbejdet, medlemmerne og styregruppen',
      run: async () => {
        const list = await client.get<{ items: { id: string; name: string }[] }>(SECRETARIAT, '/v1/collaborations?limit=100', client.lastPosition);
        s.collaborationId =
          list.body.items.find((c) => c.name === COLLABORATION.name)?.id ??
          (await client.write<{ id: string }>(SECRETARIAT, 'POST', '/v1/collaborations', { body: COLLABORATION, idempotencyKey: 'demo:collaboration:4k' })).body.id;
        const joined = new Set((await read()).body.members.filter((m) => m.leftOn === null).map((m) => m.organisationId));
        for (const member of MEMBERS) {
          if (joined.has(member.id)) continue;
          await client.write(SECRETARIAT, 'POST', `${base()}/members`, {
            body: { organisationId: member.id, joinedOn: JOINED_ON },
            idempotencyKey: `demo:collaboration-member:${s.collaborationId}:${member.id}`,
          });
        }
        s.steeringGroupId = await ensureForum(client, SECRETARIAT, '4k-steering-group', STEERING_GROUP);
        await ensureMembers(client, SECRETARIAT, s.steeringGroupId, CEOS, JOINED_ON, 'De fire kommunaldirektører er styregruppe for 4K');
        if (!(await read()).body.forumIds.includes(s.steeringGroupId)) {
          await client.write(SECRETARIAT, 'POST', `${base()}/forums`, { body: { forumId: s.steeringGroupId }, idempotencyKey: `demo:collaboration-forum:${s.collaborationId}` });
        }
        await client.write(SECRETARIAT, 'PUT', `/v1/forums/${s.steeringGroupId}/meeting-rule`, { body: QUARTERLY });
        await client.write(SECRETARIAT, 'POST', `/v1/forums/${s.steeringGroupId}/meetings/schedule`, { body: { from: '2025-01-01', to: '2026-12-31' } });
      },
    },
    {
      label: '4K: velfærdsteknologipuljen, sekretariatsbidraget og timeprisen',
      run: async () => {
        s.poolId = await ensureFundingPool(client, SECRETARIAT, s.steeringGroupId, WELFARE_TECHNOLOGY_POOL);
        let collaboration = await read();
        if (!collaboration.body.feeSchemes.some((f) => f.effectiveFromYear === FEE_SCHEME.effectiveFromYear)) {
          collaboration = await client.write<CollaborationView>(SECRETARIAT, 'PUT', `${base()}/fee-scheme`, { body: FEE_SCHEME, ifMatch: collaboration.etag });
        }
        if (!collaboration.body.hourlyRates.some((r) => r.effectiveFrom === HOURLY_RATE.effectiveFrom)) {
          await client.write(SECRETARIAT, 'PUT', `${base()}/hourly-rate`, { body: HOURLY_RATE, ifMatch: collaboration.etag });
        }
      },
    },
    {
      label: '4K: fælles projekter; Rudersdal fravælger byggesagscentret',
      run: async () => {
        const registered = new Set((await read()).body.projects.map((p) => p.projectId));
        for (const { startedOn: _startedOn, ...project } of PROJECTS) {
          if (registered.has(project.projectId)) continue;
          await client.write(SECRETARIAT, 'POST', `${base()}/projects`, { body: project, idempotencyKey: `demo:collaboration-project:${s.collaborationId}:${project.projectId}` });
        }
        let collaboration = await read();
        const byggesag = collaboration.body.projects.find((p) => p.projectId === OPT_OUT.projectId)!;
        if (byggesag.status === 'proposed' && !byggesag.optedOut.some((o) => o.organisationId === OPT_OUT.member)) {
          await client.write(memberOffice(OPT_OUT.member), 'POST', `${base()}/projects/${OPT_OUT.projectId}/opt-out`, {
            body: { organisationId: OPT_OUT.member, reason: OPT_OUT.reason },
            ifMatch: collaboration.etag,
          });
        }
        for (const project of PROJECTS) {
          collaboration = await read();
          if (collaboration.body.projects.find((p) => p.projectId === project.projectId)!.status !== 'proposed') continue;
          await client.write(SECRETARIAT, 'POST', `${base()}/projects/${project.projectId}/start`, { body: { startedOn: project.startedOn }, ifMatch: collaboration.etag });
        }
      },
    },
    {
      label: `4K: fakturaer og leverede timer ${SETTLEMENT_YEAR}`,
      run: async () => {
        // a repeat with the same costId or entryId answers 200 and records nothing
        for (const { projectId, ...cost } of COSTS) {
          await client.write(SECRETARIAT, 'POST', `${base()}/projects/${projectId}/costs`, { body: cost, idempotencyKey: `demo:cost:${s.collaborationId}:${cost.costId}` });
        }
        for (const { projectId, ...entry } of HOURS) {
          await client.write(memberOffice(entry.organisationId), 'POST', `${base()}/projects/${projectId}/hours`, {
            body: entry,
            idempotencyKey: `demo:hours:${s.collaborationId}:${entry.entryId}`,
          });
        }
      },
    },
    {
      label: `4K: den årlige nettoafregning for ${SETTLEMENT_YEAR}`,
      run: async () => {
        if ((await read()).body.settlements.some((x) => x.year === SETTLEMENT_YEAR)) return;
        await client.write(SECRETARIAT, 'POST', `${base()}/settlements`, { body: { year: SETTLEMENT_YEAR }, idempotencyKey: `demo:settlement:${s.collaborationId}:${SETTLEMENT_YEAR}` });
      },
    },
  ];
  const summary = (): FourKSummary => ({
    organisationId: SECRETARIAT_ORGANISATION.id,
    collaborationId: s.collaborationId,
    steeringGroupId: s.steeringGroupId,
    welfareTechnologyPoolId: s.poolId,
    settlementYear: SETTLEMENT_YEAR,
  });
  return { steps, summary };
}
