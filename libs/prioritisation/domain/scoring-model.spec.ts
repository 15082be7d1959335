import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import {
  InconsistentPrioritisationHistory,
  InvalidScoringModel,
  OutdatedScoringModelVersion,
  ScoringModelAlreadyExists,
  ScoringModelNotFound,
  ScoringModelIsRetired,
  ScoringModelVersionNotFound,
} from './errors.js';
import { HERNING_DEFAULT_MODEL } from './herning-default-model.js';
import type { Criterion, ScoringModelContent } from './scoring-model.js';
import {
  ScoringModelCommandType,
  type DefineScoringModel,
  type RetireScoringModel,
  type ReviseScoringModel,
} from './scoring-model-commands.js';
import { scoringModelDecider } from './scoring-model-decider.js';
import { ScoringModelEventType, type ScoringModelRetired } from './scoring-model-events.js';
import { evolveScoringModel } from './scoring-model-evolve.js';
import {
  currentModelVersion,
  initialScoringModelState,
  modelVersion,
  modelVersionForScoring,
  type ScoringModelState,
} from './scoring-model-state.js';
import { FORUM_ID, herningVersion, MODEL_ID, modelDefined, modelRevised } from './testing/fixtures.js';

const given = deciderSpec(scoringModelDecider);

const define = (content: Partial<ScoringModelContent> = {}): DefineScoringModel => ({
  type: ScoringModelCommandType.Define,
  data: { modelId: MODEL_ID, forumId: FORUM_ID, ...HERNING_DEFAULT_MODEL, ...content },
});
const revise = (content: Partial<ScoringModelContent> = {}): ReviseScoringModel => ({
  type: ScoringModelCommandType.Revise,
  data: { modelId: MODEL_ID, ...HERNING_DEFAULT_MODEL, ...content },
});
const retire = (reason = 'Replaced by the joint model'): RetireScoringModel => ({
  type: ScoringModelCommandType.Retire,
  data: { modelId: MODEL_ID, reason },
});
const retired = (lastVersion = 1): ScoringModelRetired => ({
  type: ScoringModelEventType.Retired,
  data: { modelId: MODEL_ID, forumId: FORUM_ID, lastVersion, reason: 'Replaced by the joint model' },
});

const [legal, citizens, business, economic] = HERNING_DEFAULT_MODEL.criteria;
const withWeights = (...weights: number[]): Criterion[] =>
  HERNING_DEFAULT_MODEL.criteria.map((criterion, i) => ({ ...criterion, weight: weights[i] }));
const ECONOMY_FIRST: ScoringModelContent = { ...HERNING_DEFAULT_MODEL, criteria: withWeights(1, 1, 1, 3) };

describe('HERNING_DEFAULT_MODEL', () => {
  it("is Herning's four criteria, 1 to 5, equal weights, mandatory at a legal-requirement score of 5", () => {
    expect(HERNING_DEFAULT_MODEL.criteria.map((c) => [c.id, c.weight, c.scale])).toEqual([
      ['legal_requirement', 1, { min: 1, max: 5 }],
      ['faces_citizens_or_businesses', 1, { min: 1, max: 5 }],
      ['gain_for_the_business', 1, { min: 1, max: 5 }],
      ['expected_economic_gain', 1, { min: 1, max: 5 }],
    ]);
    expect(HERNING_DEFAULT_MODEL.mandatoryCriterion).toEqual({ criterionId: 'legal_requirement', minimumScore: 5 });
  });
});

describe('DefineScoringModel', () => {
  it('defines version 1 with the whole content', () => {
    const state = given([]).when(define()).then([modelDefined()]);
    expect(currentModelVersion(state)).toEqual(herningVersion(1));
  });

  it('records no mandatory criterion when none is given, and drops fields the domain does not know', () => {
    const criteria = HERNING_DEFAULT_MODEL.criteria.map((c) => ({ ...c, icon: 'x' }));
    const command = define({ criteria, mandatoryCriterion: undefined });
    given([])
      .when({ ...command, data: { ...command.data, colour: 'red' } as DefineScoringModel['data'] })
      .then([modelDefined({ ...HERNING_DEFAULT_MODEL, mandatoryCriterion: null })]);
  });

  it('refuses to define a model twice', () => {
    given([modelDefined()]).when(define()).then(new ScoringModelAlreadyExists(MODEL_ID));
  });

  it.each<[string, Partial<ScoringModelContent>, InvalidScoringModel]>([
    ['no criteria', { criteria: [] }, new InvalidScoringModel('criteria', 'must name at least one criterion')],
    ['a blank name', { name: ' ' }, new InvalidScoringModel('name', 'must not be empty')],
    [
      'a duplicate criterion id',
      { criteria: [legal, citizens, { ...business, id: 'legal_requirement' }] },
      new InvalidScoringModel('criteria.2.id', "must be unique: 'legal_requirement' is also criterion 0"),
    ],
    [
      'a zero weight',
      { criteria: withWeights(1, 0, 1, 1) },
      new InvalidScoringModel('criteria.1.weight', 'must be a positive whole number up to 1000'),
    ],
    [
      'a negative weight',
      { criteria: withWeights(1, 1, -2, 1) },
      new InvalidScoringModel('criteria.2.weight', 'must be a positive whole number up to 1000'),
    ],
    [
      'a fractional weight',
      { criteria: withWeights(1.5, 1, 1, 1) },
      new InvalidScoringModel('criteria.0.weight', 'must be a positive whole number up to 1000'),
    ],
    [
      'a scale whose min equals its max',
      { criteria: [legal, { ...economic, scale: { min: 3, max: 3 } }] },
      new InvalidScoringModel('criteria.1.scale', 'min must be below max'),
    ],
    [
      'a scale whose min is above its max',
      { criteria: [{ ...legal, scale: { min: 5, max: 1 } }] },
      new InvalidScoringModel('criteria.0.scale', 'min must be below max'),
    ],
    [
      'a fractional scale bound',
      { criteria: [{ ...legal, scale: { min: 0.5, max: 5 } }] },
      new InvalidScoringModel('criteria.0.scale.min', 'must be a whole number from -1000 to 1000'),
    ],
    [
      'a criterion id that is not a machine id',
      { criteria: [{ ...legal, id: 'Lovkrav' }] },
      new InvalidScoringModel('criteria.0.id', 'must be 1 to 64 lower-case letters, digits or underscores, starting with a letter'),
    ],
    ['a blank label', { criteria: [{ ...legal, label: '' }] }, new InvalidScoringModel('criteria.0.label', 'must not be empty')],
    [
      'a mandatory criterion not in the model',
      { criteria: [citizens, business, economic] },
      new InvalidScoringModel('mandatoryCriterion.criterionId', "must be a criterion of the model, not 'legal_requirement'"),
    ],
    [
      'a mandatory minimum outside the scale',
      { mandatoryCriterion: { criterionId: 'legal_requirement', minimumScore: 6 } },
      new InvalidScoringModel('mandatoryCriterion.minimumScore', 'must be a whole number within the scale of legal_requirement (1 to 5)'),
    ],
  ])('refuses a model with %s', (_, content, error) => {
    given([]).when(define(content)).then(error);
  });

  it('refuses a blank forum', () => {
    given([])
      .when({ ...define(), data: { ...define().data, forumId: '' } })
      .then(new InvalidScoringModel('forumId', 'must not be empty'));
  });
});

describe('ReviseScoringModel', () => {
  it('makes the next version and keeps every earlier one', () => {
    const heavier = { ...ECONOMY_FIRST, criteria: withWeights(1, 1, 1, 4) };
    const state = given([modelDefined(), modelRevised(2, ECONOMY_FIRST)]).when(revise(heavier)).then([modelRevised(3, heavier)]);
    expect(modelVersion(state, 1)).toEqual(herningVersion(1));
    expect(modelVersion(state, 2)).toEqual(herningVersion(2, ECONOMY_FIRST));
    expect(modelVersion(state, 3)).toEqual(herningVersion(3, heavier));
    expect(modelVersion(state, 4)).toBeNull();
    expect(modelVersion(state, 0)).toBeNull();
    expect(currentModelVersion(state)?.version).toBe(3);
  });

  it('records nothing when the content equals the version in force', () => {
    given([modelDefined(), modelRevised(2, ECONOMY_FIRST)]).when(revise(ECONOMY_FIRST)).then([]);
  });

  it('makes a new version when only the criteria order changes, since it is the tie-break order', () => {
    const reordered = { ...HERNING_DEFAULT_MODEL, criteria: [economic, legal, citizens, business] };
    given([modelDefined()]).when(revise(reordered)).then([modelRevised(2, reordered)]);
  });

  it('validates the revised content', () => {
    given([modelDefined()])
      .when(revise({ criteria: withWeights(1, 1, 1, 0) }))
      .then(new InvalidScoringModel('criteria.3.weight', 'must be a positive whole number up to 1000'));
  });

  it('refuses to revise a model that does not exist or is retired', () => {
    given([]).when(revise()).then(new ScoringModelNotFound(MODEL_ID));
    given([modelDefined(), retired()]).when(revise(ECONOMY_FIRST)).then(new ScoringModelIsRetired(MODEL_ID));
  });
});

describe('RetireScoringModel', () => {
  it('retires with a reason; its versions stay readable', () => {
    const state = given([modelDefined(), modelRevised(2, ECONOMY_FIRST)]).when(retire()).then([retired(2)]);
    expect(state).toMatchObject({ status: 'retired', retirementReason: 'Replaced by the joint model' });
    expect(modelVersion(state, 1)).toEqual(herningVersion(1));
  });

  it('refuses a blank reason, a second retirement, and a missing model', () => {
    given([modelDefined()]).when(retire(' ')).then(new InvalidScoringModel('reason', 'must not be empty'));
    given([modelDefined(), retired()]).when(retire()).then(new ScoringModelIsRetired(MODEL_ID));
    given([]).when(retire()).then(new ScoringModelNotFound(MODEL_ID));
  });
});

describe('modelVersionForScoring', () => {
  const replay = (...events: Parameters<typeof evolveScoringModel>[1][]): ScoringModelState =>
    events.reduce(evolveScoringModel, initialScoringModelState());

  it('gives the version in force', () => {
    expect(modelVersionForScoring(replay(modelDefined(), modelRevised(2, ECONOMY_FIRST)), MODEL_ID, 2)).toEqual(
      herningVersion(2, ECONOMY_FIRST),
    );
  });

  it('refuses a superseded, unknown or retired version, and a missing model', () => {
    const revised = replay(modelDefined(), modelRevised(2, ECONOMY_FIRST));
    expect(() => modelVersionForScoring(revised, MODEL_ID, 1)).toThrow(new OutdatedScoringModelVersion(MODEL_ID, 1, 2));
    expect(() => modelVersionForScoring(revised, MODEL_ID, 3)).toThrow(new ScoringModelVersionNotFound(MODEL_ID, 3));
    expect(() => modelVersionForScoring(replay(modelDefined(), retired()), MODEL_ID, 1)).toThrow(ScoringModelIsRetired);
    expect(() => modelVersionForScoring(replay(), MODEL_ID, 1)).toThrow(ScoringModelNotFound);
  });
});

describe('evolveScoringModel', () => {
  it('refuses a history out of order', () => {
    const state = evolveScoringModel(initialScoringModelState(), modelDefined());
    expect(() => evolveScoringModel(state, modelRevised(3, ECONOMY_FIRST))).toThrow(InconsistentPrioritisationHistory);
    expect(() => evolveScoringModel(state, modelDefined())).toThrow(InconsistentPrioritisationHistory);
    expect(() => evolveScoringModel(initialScoringModelState(), retired())).toThrow(InconsistentPrioritisationHistory);
  });
});
