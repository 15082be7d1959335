import { describe, expect, it } from '@jest/globals';
import { PersonalDataTampered } from '../domain/index.js';
import { decryptPerson, encryptPerson, newPersonKey } from './person-cipher.js';

const bo = { name: 'Bo Jensen', email: 'bo@herning.dk' };

describe('a person encrypted under their key', () => {
  it('decrypts under the same key and person id, and shows nothing of the person', () => {
    const key = newPersonKey();
    const envelope = encryptPerson('p-1', key, bo);
    // (whole words only: random base64 may well contain "Bo")
    expect(JSON.stringify(envelope)).not.toMatch(/Bo Jensen|bo@herning\.dk|Jensen|herning/);
    expect(decryptPerson(envelope, key)).toEqual(bo);
  });

  it('never gives the same ciphertext twice', () => {
    const key = newPersonKey();
    expect(encryptPerson('p-1', key, bo).ciphertext).not.toBe(encryptPerson('p-1', key, bo).ciphertext);
  });

  it('refuses another key, another person id or an altered ciphertext', () => {
    const key = newPersonKey();
    const envelope = encryptPerson('p-1', key, bo);
    const flipped = Buffer.from(envelope.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => decryptPerson(envelope, newPersonKey())).toThrow(PersonalDataTampered);
    expect(() => decryptPerson({ ...envelope, personId: 'p-2' }, key)).toThrow(PersonalDataTampered);
    expect(() => decryptPerson({ ...envelope, ciphertext: flipped.toString('base64') }, key)).toThrow(PersonalDataTampered);
  });
});
