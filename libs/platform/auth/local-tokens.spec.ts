import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlatformConfig } from '../config/platform-config.js';
import { issueDevelopmentToken } from './development-token.js';
import { loadOrCreateLocalKeyPair, localKeyPath } from './local-key-pair.js';
import { createTokenVerifier } from './token-verifier.js';

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'access-'));
  dirs.push(dir);
  return dir;
}
const verifierFor = async (dir: string) => createTokenVerifier({ ...loadPlatformConfig({}), dataDir: dir });

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the embedded default: a key pair in DATA_DIR and development tokens', () => {
  it('creates the private key on first use, readable by its owner only, and keeps it', async () => {
    const dir = await dataDir();
    const first = await loadOrCreateLocalKeyPair(dir);
    expect((await stat(localKeyPath(dir))).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateLocalKeyPair(dir)).toEqual(first);
  });

  it('agrees on one key when several processes start at once', async () => {
    const dir = await dataDir();
    const pairs = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalKeyPair(dir)));
    expect(new Set(pairs.map((p) => p.publicKeyPem)).size).toBe(1);
  });

  it('issues tokens the service verifies, naming subject, roles, organisation and department', async () => {
    const dir = await dataDir();
    const token = await issueDevelopmentToken({ dataDir: dir, subject: 'anna@herning.dk', roles: ['programme_office', 'director'], organisation: 'herning', department: 'citizen-service' });
    expect(await (await verifierFor(dir)).verify(token)).toEqual({
      actor: { subject: 'anna@herning.dk', roles: ['programme_office', 'director'], organisationId: 'herning' },
      departmentId: 'citizen-service',
    });
  });

  it("refuses another data directory's tokens", async () => {
    const [mine, theirs] = [await dataDir(), await dataDir()];
    const foreign = await issueDevelopmentToken({ dataDir: theirs, subject: 'x', roles: [], organisation: 'herning' });
    await expect(Promise.resolve((await verifierFor(mine)).verify(foreign))).rejects.toMatchObject({ problem: { status: 401 } });
  });

  it('refuses a lifetime that is not a positive whole number of seconds', async () => {
    await expect(issueDevelopmentToken({ dataDir: await dataDir(), subject: 'x', roles: [], organisation: 'o', ttlSeconds: 0 })).rejects.toThrow(RangeError);
  });
});
