/** The forums of DOMAIN.md, "Governance forums": styregruppe, direktion, bestyrelse/styre, generalforsamling, faggruppe, direktørmøde. */
export const FORUM_KINDS = [
  'steering_group',
  'directorate',
  'board',
  'general_assembly',
  'subject_group',
  'joint_directors_meeting',
] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];
