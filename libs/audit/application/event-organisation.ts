/**
 * Which organisation an event belongs to, as SQL over `es_events` (the audit indexes are built on exactly these
 * expressions, so queries must use them verbatim).
 *
 * The rule: the organisation the application stamped on the event as its stream's owner (`metadata.organisationId`,
 * written by the contexts whose events do not name an organisation: meeting calendars, agendas, scoring models,
 * scorecards), else the organisation the actor acted for (`metadata.actor.organisationId`). Every command handler
 * refuses a stream of another organisation than the acting one, so both name the stream's owner. An event that
 * names neither belongs to no organisation and no auditor sees it.
 */
export const EVENT_ORGANISATION_SQL = `COALESCE(metadata->>'organisationId', metadata->'actor'->>'organisationId')`;

/**
 * The forum an event is about: the forum its data names (forums, calendars, agendas as prepared, scoring models,
 * score sets, pools), or the forum a decision was taken by (`data.basis.forum.forumId`). Agenda item events name only
 * their meeting and are found through the meeting's agenda stream instead.
 */
export const EVENT_FORUM_SQL = `COALESCE(data->>'forumId', data->'basis'->'forum'->>'forumId')`;
