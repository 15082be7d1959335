/** A cancelled meeting takes no decisions. */
export class MeetingNotOpenForDecisions extends Error {
  constructor(
    readonly meetingId: string,
    readonly status: string,
  ) {
    super(`meeting ${meetingId} is ${status}: it takes no decisions`);
    this.name = 'MeetingNotOpenForDecisions';
  }
}

/** No project (or none of the acting organisation) for this proposal, or no such decision in it. */
export class DecisionNotFound extends Error {
  constructor(
    readonly proposalId: string,
    readonly decisionId: string,
  ) {
    super(`project ${proposalId} has no decision ${decisionId}`);
    this.name = 'DecisionNotFound';
  }
}
