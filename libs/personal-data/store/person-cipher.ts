import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ENVELOPE_ALGORITHM, PersonalDataTampered, type EncryptedPerson, type PlainPerson } from '../domain/index.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * AES-256-GCM with a fresh nonce per encryption. The person id is authenticated data: a ciphertext moved under
 * another person's id does not decrypt.
 */
export function encryptPerson(personId: string, key: Buffer, person: PlainPerson): EncryptedPerson {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ENVELOPE_ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(personId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(person), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { personalData: ENVELOPE_ALGORITHM, personId, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

export function decryptPerson(envelope: EncryptedPerson, key: Buffer): PlainPerson {
  const sealed = Buffer.from(envelope.ciphertext, 'base64');
  try {
    const decipher = createDecipheriv(ENVELOPE_ALGORITHM, key, Buffer.from(envelope.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(envelope.personId, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PlainPerson;
  } catch {
    throw new PersonalDataTampered(envelope.personId);
  }
}

export function newPersonKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
