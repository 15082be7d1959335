import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../shared-kernel/testing/given-when-then.js';
import { erasureDecider, ErasureCommandType, type PersonalDataErased } from './erasure.js';
import { PersonNotFound } from './errors.js';
import { PersonalDataEventType } from './events.js';

const given = deciderSpec(erasureDecider);
const PERSON = '6f1c0e1a-0000-4000-8000-000000000001';
const erase = (known = true) => ({ type: ErasureCommandType.Erase, data: { personId: PERSON, organisationId: 'herning', known } }) as const;
const erased: PersonalDataErased = { type: PersonalDataEventType.Erased, data: { personId: PERSON, organisationId: 'herning' } };

describe('erasing a person', () => {
  it('records the erasure of a known person', () => {
    given([]).when(erase()).then([erased]);
  });

  it('records nothing the second time', () => {
    given([erased]).when(erase()).then([]);
    given([erased]).when(erase(false)).then([]);
  });

  it('refuses a person the organisation does not know', () => {
    given([]).when(erase(false)).then(new PersonNotFound(PERSON));
  });
});
