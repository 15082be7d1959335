import { AgendaSummaries1795702460000 } from './agendas/read-models/migrations/1795702460000-agenda-summaries.js';
import { Meetings1795702400000 } from './meetings/read-models/migrations/1795702400000-meetings.js';

/** The read models of forum meeting calendars and agendas. */
export const MEETINGS_AGENDAS_MIGRATIONS = [Meetings1795702400000, AgendaSummaries1795702460000];
