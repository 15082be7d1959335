import type { Decider } from '../../../event-store/index.js';
import { agendaDecider as domainAgendaDecider, type AgendaCommand, type AgendaEvent, type AgendaState } from '../../domain/agendas/index.js';

/** One agenda per meeting. */
export const AGENDA_STREAM_PREFIX = 'agenda-';
export const agendaStream = (meetingId: string) => `${AGENDA_STREAM_PREFIX}${meetingId}`;

export const agendaDecider: Decider<AgendaCommand, AgendaEvent, AgendaState> = domainAgendaDecider;
