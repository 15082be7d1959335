/** The audited fact of an erasure. It names the person only by their id: it holds no personal data itself. */
export const PersonalDataEventType = {
  Erased: 'PersonalDataErased',
} as const;

export interface PersonalDataErasedData {
  readonly personId: string;
  readonly organisationId: string;
}

/** One stream per erased person: its first event is the erasure, so a second one is recognised as a repeat. */
export function personalDataStream(personId: string): string {
  return `personal-data-${personId}`;
}
