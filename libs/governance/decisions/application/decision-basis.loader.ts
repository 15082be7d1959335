import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadAggregate, type EventStore } from '../../../event-store/index.js';
import { agendaDecider, agendaStream } from '../../agendas/application/agenda-stream.js';
import { frozenRevision, type FrozenAgendaRevision } from '../../domain/agendas/index.js';
import {
  DecisionAgendaNotFrozen,
  decisionAgendaFrom,
  type DecidingForum,
  type DecisionAgenda,
  type DecisionMeeting,
} from '../../domain/decisions/index.js';
import { votingMembersOn } from '../../domain/forums/index.js';
import { ForumReader } from '../../forums/application/forum-reader.js';
import { MeetingLocator } from '../../meetings/application/meeting-locator.js';
import { organisationOf } from '../../meetings/application/organisation-scope.js';
import { MeetingNotOpenForDecisions } from './decision-application.errors.js';
import { packEvidence } from './pack-evidence.js';

export interface LoadedDecisionBasis {
  readonly forum: DecidingForum;
  readonly meeting: DecisionMeeting;
  readonly agenda: DecisionAgenda;
  readonly frozen: FrozenAgendaRevision;
}

/**
 * Gathers what a decision is taken on, each from its own stream now: the meeting from its forum's calendar, the
 * forum with its voting members on the meeting day, and the named frozen agenda revision (with whether it still
 * stands). The decider copies all of it into the decision, so the decision reads the same forever after.
 */
@Injectable()
export class DecisionBasisLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly meetings: MeetingLocator,
    private readonly forums: ForumReader,
  ) {}

  async load(meetingId: string, organisationId: string, proposalId: string, agendaRevision: number): Promise<LoadedDecisionBasis> {
    const { forumId, meeting } = await this.meetings.locate(meetingId, organisationId);
    if (meeting.status === 'cancelled') throw new MeetingNotOpenForDecisions(meetingId, meeting.status);
    // the local date of the meeting: the day whose members vote and whose gate rules apply
    const heldOn = meeting.startsAt.slice(0, 10);
    const { forum } = await this.forums.load(forumId, organisationId);
    const agenda = await loadAggregate(this.store, agendaDecider, agendaStream(meetingId));
    const frozen = organisationOf(agenda.events[0]) === organisationId ? frozenRevision(agenda.state, agendaRevision) : null;
    if (frozen === null) throw new DecisionAgendaNotFrozen(meetingId, agendaRevision);
    const standing = agenda.state.status === 'frozen' && agenda.state.revision === agendaRevision;
    return {
      forum: {
        forumId: forum.forumId,
        parentForumId: forum.parentForumId,
        mandate: forum.mandate,
        decisionRule: forum.decisionRule,
        votingMembers: votingMembersOn(forum, heldOn).map(({ memberId, role }) => ({ memberId, role })),
      },
      meeting: { meetingId, heldOn },
      agenda: decisionAgendaFrom(frozen, proposalId, standing, packEvidence(frozen.pack, proposalId)),
      frozen,
    };
  }
}
