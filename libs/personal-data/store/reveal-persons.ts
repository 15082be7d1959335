import { ERASED_PERSON, encryptedPersonsIn, mapEncryptedPersons } from '../domain/index.js';
import { decryptPerson } from './person-cipher.js';
import type { PersonKeys } from './person-keys.js';

/**
 * Decrypts every person in the data of a batch of events (or rows read straight from the log), with one key lookup;
 * a person whose key is gone reads as `{ erased: true }`. Anything that shows event data to people goes through it.
 */
export async function revealPersons<T extends { readonly data: unknown }>(keys: PersonKeys, items: readonly T[]): Promise<T[]> {
  const personIds = new Set(items.flatMap((item) => encryptedPersonsIn(item.data).map((envelope) => envelope.personId)));
  if (personIds.size === 0) return [...items];
  const found = await keys.keysById([...personIds]);
  return items.map((item) => {
    const data = mapEncryptedPersons(item.data, (envelope) => {
      const key = found.get(envelope.personId);
      return key ? decryptPerson(envelope, key) : ERASED_PERSON;
    });
    return data === item.data ? item : { ...item, data };
  });
}
