import type { ScoringModelContent } from './scoring-model.js';

const ONE_TO_FIVE = { min: 1, max: 5 } as const;

/**
 * Herning's definition of an important project (seed 002 p. 8, "Definitionen af, hvornår et projekt er vigtigt"):
 * four criteria, each scored 1 to 5 with 5 best, by the department, presented to the steering group.
 *
 * Choices the seed leaves open:
 * - Equal weights of 1: the seed lists the criteria without ranking them, so none counts more than another.
 * - Model order is the seed's order, and is therefore the tie-break order (legal requirement first).
 * - A legal-requirement score of 5 makes a proposal mandatory. Legislation "defines a new reality we must react to"
 *   (seed 002 p. 15), so a project the law requires is not weighed against wishes; 5 is read as "required by law",
 *   while 1 to 4 (e.g. law makes it advisable, or a deadline is distant) only count in the weighted score.
 */
export const HERNING_DEFAULT_MODEL: ScoringModelContent = {
  name: 'Herning: vigtige projekter',
  criteria: [
    {
      id: 'legal_requirement',
      label: 'Lovkrav',
      description: 'Projektet er et lovkrav. 5: loven kræver det.',
      weight: 1,
      scale: ONE_TO_FIVE,
    },
    {
      id: 'faces_citizens_or_businesses',
      label: 'Borger- og/eller virksomhedsrettet',
      description: 'Projektet er rettet mod borgere og/eller virksomheder.',
      weight: 1,
      scale: ONE_TO_FIVE,
    },
    {
      id: 'gain_for_the_business',
      label: 'Gevinst for forretningen',
      description: 'Projektet er en gevinst for forretningen (forvaltning og/eller Herning Kommune).',
      weight: 1,
      scale: ONE_TO_FIVE,
    },
    {
      id: 'expected_economic_gain',
      label: 'Forventet økonomisk gevinst',
      description: 'Der er en forventet økonomisk gevinst (effektivisering).',
      weight: 1,
      scale: ONE_TO_FIVE,
    },
  ],
  mandatoryCriterion: { criterionId: 'legal_requirement', minimumScore: 5 },
};
