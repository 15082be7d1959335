import { InvalidAgenda } from './errors.js';

/** What an agenda is made of: decisions the forum is asked to take, follow-ups on running work, and information. */
export const AGENDA_ITEM_KINDS = ['decision', 'follow_up', 'information'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** The decisions a forum can be asked for (DOMAIN.md: approve, reject, defer, ask for changes, (re)prioritise, close). */
export const DECISIONS_ASKED = ['approve', 'reject', 'defer', 'request_changes', 'prioritise', 'reprioritise', 'close'] as const;
export type DecisionAsked = (typeof DECISIONS_ASKED)[number];

export interface AgendaItem {
  /** Chosen by the caller; unique within the agenda. */
  readonly itemId: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  /** Required for a decision; optional for a follow-up or information about a proposal. */
  readonly proposalId: string | null;
  /** The decision asked for: set for a decision item, null otherwise. */
  readonly decisionAsked: DecisionAsked | null;
}

/** An item as a caller states it: proposal and decision may be left out where they do not apply. */
export interface AgendaItemInput {
  readonly itemId: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly proposalId?: string | null;
  readonly decisionAsked?: DecisionAsked | null;
}

/** The complete item; throws InvalidAgenda naming the field at fault. */
export function normaliseAgendaItem(input: AgendaItemInput): AgendaItem {
  if (isBlank(input.itemId)) throw new InvalidAgenda('item.itemId', 'must not be empty');
  if (!(AGENDA_ITEM_KINDS as readonly string[]).includes(input.kind)) {
    throw new InvalidAgenda('item.kind', `must be one of ${AGENDA_ITEM_KINDS.join(', ')}`);
  }
  if (isBlank(input.title)) throw new InvalidAgenda('item.title', 'must not be empty');
  const proposalId = input.proposalId ?? null;
  if (proposalId !== null && isBlank(proposalId)) throw new InvalidAgenda('item.proposalId', 'must not be empty when given');
  const decisionAsked = input.decisionAsked ?? null;
  if (input.kind === 'decision') {
    if (proposalId === null) throw new InvalidAgenda('item.proposalId', 'a decision item must name its proposal');
    if (!(DECISIONS_ASKED as readonly string[]).includes(decisionAsked as string)) {
      throw new InvalidAgenda('item.decisionAsked', `must be one of ${DECISIONS_ASKED.join(', ')}`);
    }
  } else if (decisionAsked !== null) {
    throw new InvalidAgenda('item.decisionAsked', 'only a decision item asks for a decision');
  }
  return { itemId: input.itemId, kind: input.kind, title: input.title, proposalId, decisionAsked };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
