/**
 * A `guard` for `handleCommand`: another organisation's stream answers as if it did not exist (`notFound`), so no
 * caller learns which ids other organisations use. A stream not yet created passes; the domain decides on it.
 */
export const organisationGuard =
  (organisationId: string, notFound: () => Error) =>
  (state: unknown): void => {
    const s = state as { status: string; organisationId?: string };
    if (s.status !== 'none' && s.organisationId !== organisationId) throw notFound();
  };
