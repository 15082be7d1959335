import type { Decider } from '../../event-store/decider/decider.js';
import { PersonNotFound } from './errors.js';
import { PersonalDataEventType, type PersonalDataErasedData } from './events.js';

export const ErasureCommandType = { Erase: 'ErasePersonalData' } as const;

export interface ErasePersonalData {
  readonly type: typeof ErasureCommandType.Erase;
  readonly data: {
    readonly personId: string;
    readonly organisationId: string;
    /** Whether the key store knows this person in this organisation (looked up by the application layer). */
    readonly known: boolean;
  };
}

export interface PersonalDataErased {
  readonly type: typeof PersonalDataEventType.Erased;
  readonly data: PersonalDataErasedData;
}

export type ErasureState = { readonly status: 'none' } | { readonly status: 'erased'; readonly personId: string; readonly organisationId: string };

/** Erasing is done once: a repeat records nothing (idempotent); a person unknown to the organisation is not found. */
export function decide(command: ErasePersonalData, state: ErasureState): PersonalDataErased[] {
  const { personId, organisationId, known } = command.data;
  if (state.status === 'erased') return [];
  if (!known) throw new PersonNotFound(personId);
  return [{ type: PersonalDataEventType.Erased, data: { personId, organisationId } }];
}

export function evolve(state: ErasureState, event: PersonalDataErased): ErasureState {
  return event.type === PersonalDataEventType.Erased ? { status: 'erased', personId: event.data.personId, organisationId: event.data.organisationId } : state;
}

export const erasureDecider: Decider<ErasePersonalData, PersonalDataErased, ErasureState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
