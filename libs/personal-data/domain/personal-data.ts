/**
 * Where personal data sits in event data, and what it becomes when encrypted or erased. Pure: no keys, no I/O.
 *
 * A value is personal data (a "person") when it is
 * - the value of a key named `person` that is an object (the contexts keep a person's name and contact details
 *   together there: `systemOwner.person`, `projectLeadership[].person`, a resource's or a forum member's `person`), or
 * - an object with exactly the keys `name` and `email`, wherever it sits (an audit diff's `from`/`to` of a
 *   `…person` answer carries the person under another key).
 * In the log a person is stored as an {@link EncryptedPerson}; once its key is deleted, reads show {@link ERASED_PERSON}.
 */

/** What a person reads as once erased: no name, no contact details. */
export interface ErasedPerson {
  readonly erased: true;
}

export const ERASED_PERSON: ErasedPerson = Object.freeze({ erased: true as const });

/** A person as stored in the log: AES-256-GCM ciphertext under the key of `personId`, which lives outside the log. */
export interface EncryptedPerson {
  readonly personalData: typeof ENVELOPE_ALGORITHM;
  readonly personId: string;
  /** Base64 of the 12-byte nonce. */
  readonly iv: string;
  /** Base64 of the ciphertext followed by the 16-byte authentication tag. */
  readonly ciphertext: string;
}

export const ENVELOPE_ALGORITHM = 'aes-256-gcm';

/** A person's plain content: whatever the context keeps in the object (name and email, or a name alone). */
export type PlainPerson = Readonly<Record<string, unknown>>;

export function isErasedPerson(value: unknown): value is ErasedPerson {
  return isPlainObject(value) && value['erased'] === true && Object.keys(value).length === 1;
}

export function isEncryptedPerson(value: unknown): value is EncryptedPerson {
  return (
    isPlainObject(value) &&
    value['personalData'] === ENVELOPE_ALGORITHM &&
    typeof value['personId'] === 'string' &&
    typeof value['iv'] === 'string' &&
    typeof value['ciphertext'] === 'string'
  );
}

/** An object with exactly a string `name` and a string `email`: contact details wherever they sit. */
function isContactDetails(value: unknown): value is PlainPerson {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value['name'] === 'string' && typeof value['email'] === 'string';
}

/** Is `value`, found under `key`, personal data in plain form (to be encrypted on append)? */
function isPlainPerson(key: string | number | null, value: unknown): value is PlainPerson {
  if (isEncryptedPerson(value) || isErasedPerson(value)) return false;
  return (key === 'person' && isPlainObject(value)) || isContactDetails(value);
}

/**
 * A copy of `data` with every person in plain form replaced by `replace(person)`; everything else is kept as it is.
 * Returns `data` itself when it holds no person, so events without personal data cost one walk and no copy.
 */
export function mapPlainPersons(data: unknown, replace: (person: PlainPerson) => unknown): unknown {
  return walk(data, null, (key, value) => (isPlainPerson(key, value) ? { replaced: replace(value) } : null));
}

/** A copy of `data` with every encrypted person replaced by `replace(envelope)`; `data` itself when there is none. */
export function mapEncryptedPersons(data: unknown, replace: (envelope: EncryptedPerson) => unknown): unknown {
  return walk(data, null, (_key, value) => (isEncryptedPerson(value) ? { replaced: replace(value) } : null));
}

/** Every encrypted person in `data`. */
export function encryptedPersonsIn(data: unknown): EncryptedPerson[] {
  const found: EncryptedPerson[] = [];
  mapEncryptedPersons(data, (envelope) => {
    found.push(envelope);
    return envelope;
  });
  return found;
}

/** Every person in plain form in `data`. */
export function plainPersonsIn(data: unknown): PlainPerson[] {
  const found: PlainPerson[] = [];
  mapPlainPersons(data, (person) => {
    found.push(person);
    return person;
  });
  return found;
}

/** Stands in for a person in {@link maskPersonalData}. */
export const PERSONAL_DATA_MASK = '[personal data]';

/**
 * `data` with every person, in whatever form (plain, encrypted or erased), replaced by one constant: what a
 * content hash that must survive an erasure is computed over. The person's own integrity is the log's hash chain's
 * job, which covers the ciphertext as stored.
 */
export function maskPersonalData<T>(data: T): T {
  return walk(data, null, (key, value) =>
    isPlainPerson(key, value) || isEncryptedPerson(value) || isErasedPerson(value) ? { replaced: PERSONAL_DATA_MASK } : null,
  ) as T;
}

type Visit = (key: string | number | null, value: unknown) => { replaced: unknown } | null;

/**
 * Depth-first copy-on-write walk over plain JSON: only the paths leading to a replaced value are copied. A value that
 * contains itself is left as it is (it is not JSON; whoever serialises it refuses it).
 */
function walk(value: unknown, key: string | number | null, visit: Visit, ancestors = new Set<object>()): unknown {
  const hit = visit(key, value);
  if (hit) return hit.replaced;
  if (typeof value !== 'object' || value === null || ancestors.has(value)) return value;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      value.forEach((element, index) => {
        const next = walk(element, index, visit, ancestors);
        if (next !== element) (copy ??= [...value])[index] = next;
      });
      return copy ?? value;
    }
    let copy: Record<string, unknown> | null = null;
    for (const [k, element] of Object.entries(value)) {
      const next = walk(element, k, visit, ancestors);
      if (next !== element) (copy ??= { ...value })[k] = next;
    }
    return copy ?? value;
  } finally {
    ancestors.delete(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
