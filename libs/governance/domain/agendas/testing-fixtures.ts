/** Builders for the agendas domain's tests. Not part of the public API. */
import type { Money } from '../../../shared-kernel/money.js';
import type { AgendaItem } from './agenda-item.js';
import type { AgendaPack, AgendaPackItem } from './agenda-pack.js';
import { AgendaCommandType, type AddAgendaItem, type FreezeAgenda, type PrepareAgenda, type ReopenAgenda } from './commands.js';
import { hashAgendaPack } from './content-hash.js';
import { AgendaEventType, type AgendaFrozen, type AgendaItemAdded, type AgendaPrepared, type AgendaReopened } from './events.js';

export const MEETING_ID = '5f0c2f4e-2d8a-5b1e-9c3d-8a7b6c5d4e3f';
export const FORUM_ID = 'herning-steering-group';

export function dkk(kroner: number): Money {
  return { amountMinor: kroner * 100, currency: 'DKK' };
}

export const DIGITAL_MAIL: AgendaItem = {
  itemId: 'item-1',
  kind: 'decision',
  title: 'Digital mail for citizens',
  proposalId: 'proposal-1',
  decisionAsked: 'approve',
};
export const CASE_SYSTEM_FOLLOW_UP: AgendaItem = {
  itemId: 'item-2',
  kind: 'follow_up',
  title: 'Case system: benefits after one year',
  proposalId: 'proposal-7',
  decisionAsked: null,
};
export const NEWS: AgendaItem = { itemId: 'item-3', kind: 'information', title: 'National strategy 2026', proposalId: null, decisionAsked: null };

export function prepareAgenda(): PrepareAgenda {
  return { type: AgendaCommandType.Prepare, data: { meetingId: MEETING_ID, forumId: FORUM_ID } };
}

export function agendaPrepared(): AgendaPrepared {
  return { type: AgendaEventType.Prepared, data: { meetingId: MEETING_ID, forumId: FORUM_ID } };
}

export function addItem(item: AddAgendaItem['data']['item'], position?: number): AddAgendaItem {
  return { type: AgendaCommandType.AddItem, data: { meetingId: MEETING_ID, item, ...(position === undefined ? {} : { position }) } };
}

export function itemAdded(item: AgendaItem, position: number): AgendaItemAdded {
  return { type: AgendaEventType.ItemAdded, data: { meetingId: MEETING_ID, item, position } };
}

/** An agenda with the three items, in order. */
export const DRAFT_AGENDA = [agendaPrepared(), itemAdded(DIGITAL_MAIL, 1), itemAdded(CASE_SYSTEM_FOLLOW_UP, 2), itemAdded(NEWS, 3)];

/** The pack for DRAFT_AGENDA, as the application layer would gather it. */
export function aPack(proposalTitle = 'Digital mail for citizens'): AgendaPack {
  const items: AgendaPackItem[] = [
    {
      ...DIGITAL_MAIL,
      order: 1,
      proposal: {
        proposalId: 'proposal-1',
        version: 4,
        content: {
          title: proposalTitle,
          departmentId: 'citizen-service',
          costs: { development: dkk(600_000), yearlyOperations: dkk(40_000) },
          status: 'submitted',
          classification: { classification: 'portfolio_project', criteriaMet: ['cost_above_threshold'] },
        },
      },
      scores: {
        criteria: [
          { criterionId: 'legal_requirement', score: 2, weight: 1 },
          { criterionId: 'citizen_facing', score: 5, weight: 2 },
        ],
        weightedScore: 4,
        rank: 1,
      },
    },
    { ...CASE_SYSTEM_FOLLOW_UP, order: 2, proposal: null, scores: null },
    { ...NEWS, order: 3, proposal: null, scores: null },
  ];
  return {
    meeting: { meetingId: MEETING_ID, forumId: FORUM_ID, startsAt: '2025-03-06T14:00:00+01:00' },
    scoringModel: { id: 'herning-importance', version: 2 },
    fundingPool: { poolId: 'herning-development-pool', year: 2025, amount: dkk(5_000_000), committed: dkk(3_200_000), available: dkk(1_800_000) },
    items,
    prioritisedRequests: [{ proposalId: 'proposal-1', title: proposalTitle, rank: 1, requestedAmount: dkk(600_000) }],
    unprioritisedRequests: [{ proposalId: 'proposal-9', title: 'Robotic process automation', rank: null, requestedAmount: dkk(250_000) }],
  };
}

export function freezeAgenda(pack: AgendaPack = aPack()): FreezeAgenda {
  return { type: AgendaCommandType.Freeze, data: { meetingId: MEETING_ID, pack } };
}

export function agendaFrozen(pack: AgendaPack = aPack(), revision = 1): AgendaFrozen {
  return {
    type: AgendaEventType.Frozen,
    data: { meetingId: MEETING_ID, revision, pack, contentHash: hashAgendaPack(pack), hashAlgorithm: 'sha256', canonicalisation: 'sorted-keys-json-v1' },
  };
}

export function reopenAgenda(reason = 'The proposal was amended after the freeze'): ReopenAgenda {
  return { type: AgendaCommandType.Reopen, data: { meetingId: MEETING_ID, reason } };
}

export function agendaReopened(supersededRevision = 1, reason = 'The proposal was amended after the freeze'): AgendaReopened {
  return { type: AgendaEventType.Reopened, data: { meetingId: MEETING_ID, supersededRevision, revision: supersededRevision + 1, reason } };
}
