import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The service's own tokens: who issues them, for whom, signed how. */
export const LOCAL_ISSUER = 'urn:portfolio-governance:local';
export const LOCAL_ALGORITHM = 'ES256';

export interface LocalKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** `<dataDir>/auth/signing-key.pem`, readable by the owner only. */
export function localKeyPath(dataDir: string): string {
  return join(dataDir, 'auth', 'signing-key.pem');
}

/**
 * The embedded default's signing key, created on first use. Written to a temporary file and linked into place, so
 * two processes starting at once (the service and the CLI) never see a half-written key and agree on one key.
 */
export async function loadOrCreateLocalKeyPair(dataDir: string): Promise<LocalKeyPair> {
  const path = localKeyPath(dataDir);
  const existing = await readPrivateKey(path);
  if (existing) return existing;
  await mkdir(join(dataDir, 'auth'), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  try {
    await chmod(temporary, 0o600); // whatever the umask
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const created = await readPrivateKey(path);
  if (!created) throw new Error(`Could not create the signing key at ${path}`);
  return created;
}

async function readPrivateKey(path: string): Promise<LocalKeyPair | null> {
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem };
}
