import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ERASED_PERSON,
  ENVELOPE_ALGORITHM,
  encryptedPersonsIn,
  mapEncryptedPersons,
  mapPlainPersons,
  maskPersonalData,
  plainPersonsIn,
  type EncryptedPerson,
} from './personal-data.js';
import { identityByEmail, personIdentity } from './person-identity.js';

const bo = { name: 'Bo Jensen', email: 'bo@herning.dk' };
const envelopeOf = (person: object): EncryptedPerson => ({ personalData: ENVELOPE_ALGORITHM, personId: 'p-1', iv: 'aXY=', ciphertext: Buffer.from(JSON.stringify(person)).toString('base64') });

/** A proposal amendment as the proposals context records it: the person in the patch and in the audit diff. */
const amended = {
  proposalId: 'p',
  amendment: { systemOwner: { person: bo }, projectLeadership: [{ person: { name: 'Ole Hansen', email: 'ole@herning.dk' }, role: 'project leader' }] },
  changes: [{ field: 'systemOwner.person', from: null, to: bo }],
  classification: { isProject: true },
};

describe('where personal data sits', () => {
  it('finds a person under a `person` key and contact details anywhere, and nothing else', () => {
    expect(plainPersonsIn(amended)).toEqual([bo, { name: 'Ole Hansen', email: 'ole@herning.dk' }, bo]);
    expect(plainPersonsIn({ member: { person: { name: 'Karen' } } })).toEqual([{ name: 'Karen' }]);
    expect(plainPersonsIn({ department: { name: 'IT', id: 'it' }, title: 'Bo Jensen', person: null, people: ['bo@herning.dk'] })).toEqual([]);
  });

  it('replaces every person and copies only what leads to one', () => {
    const sealed = mapPlainPersons(amended, (person) => envelopeOf(person)) as typeof amended;
    expect(plainPersonsIn(sealed)).toEqual([]);
    expect(encryptedPersonsIn(sealed)).toHaveLength(3);
    expect(JSON.stringify(sealed)).not.toMatch(/Bo Jensen|bo@herning|Ole/);
    expect(sealed.classification).toBe(amended.classification);
    const untouched = { a: [1, { b: 'c' }] };
    expect(mapPlainPersons(untouched, () => ERASED_PERSON)).toBe(untouched);
  });

  it('leaves an erased person and an envelope alone on encryption', () => {
    const data = { systemOwner: { person: ERASED_PERSON }, leader: { person: envelopeOf(bo) } };
    expect(mapPlainPersons(data, () => 'replaced')).toBe(data);
  });

  it('round-trips: decrypting what was encrypted gives the data back (property)', () => {
    const person = fc.record({ name: fc.string(), email: fc.string() });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object'), person, fc.record({ person })),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, (data) => {
        const sealed = mapPlainPersons(data, (p) => envelopeOf(p));
        expect(plainPersonsIn(sealed)).toEqual([]);
        const opened = mapEncryptedPersons(sealed, (envelope) => JSON.parse(Buffer.from(envelope.ciphertext, 'base64').toString()));
        expect(opened).toEqual(data);
        // erased: no person left, and the mask cannot tell it from before
        const erased = mapEncryptedPersons(sealed, () => ERASED_PERSON);
        expect(encryptedPersonsIn(erased)).toEqual([]);
        expect(maskPersonalData(erased)).toEqual(maskPersonalData(data));
        expect(maskPersonalData(sealed)).toEqual(maskPersonalData(data));
      }),
    );
  });

  it('masks persons in any form and nothing else', () => {
    const pack = { items: [{ proposal: { content: { form: { title: 'Mail', systemOwner: { person: bo } } } } }] };
    expect(maskPersonalData(pack)).toEqual({ items: [{ proposal: { content: { form: { title: 'Mail', systemOwner: { person: '[personal data]' } } } } }] });
  });
});

describe('who a person is', () => {
  it('is the same person for the same email in one organisation, whatever the case, the spaces or the name', () => {
    expect(personIdentity('herning', { name: 'Bo Jensen', email: ' Bo@Herning.dk ' })).toBe(personIdentity('herning', { name: 'B. Jensen', email: 'bo@herning.dk' }));
    expect(personIdentity('herning', bo)).toBe(identityByEmail('herning', 'BO@herning.dk'));
    expect(personIdentity('herning', bo)).not.toBe(personIdentity('viborg', bo));
  });

  it('knows a person given without an email by their name', () => {
    expect(personIdentity('herning', { name: 'Karen  Jensen' })).toBe(personIdentity('herning', { name: 'karen jensen' }));
    expect(personIdentity('herning', { name: 'Karen Jensen' })).not.toBe(personIdentity('herning', { name: 'Karen Olsen' }));
  });
});
