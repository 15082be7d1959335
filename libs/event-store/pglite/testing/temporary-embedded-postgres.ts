import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { EMBEDDED_PGDATA, startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from '../embedded-postgres.js';

/*
 * Test support for the embedded database. A fresh PGlite data directory costs an initdb (about 2.5 s); copying a
 * cleanly shut down, freshly initialised one costs a few tens of ms and opening it about 0.4 s. The first use in a
 * machine builds that template in the temp folder, keyed by the PGlite version; parallel jest workers race to
 * build it safely (build in a private folder, then rename into place).
 */

const COMPLETE = '.template-complete';

function pgliteVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@electric-sql/pglite'); // <package>/dist/index.cjs
  return readFile(join(dirname(main), '..', 'package.json'), 'utf8').then((t) => (JSON.parse(t) as { version: string }).version);
}

let template: Promise<string | null> | null = null;

async function buildTemplate(): Promise<string | null> {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const path = join(tmpdir(), `pglite-template-${await pgliteVersion()}-${uid}`);
    const ready = await readFile(join(path, COMPLETE), 'utf8').then(
      () => true,
      () => false,
    );
    if (ready) return path;
    const building = await mkdtemp(join(tmpdir(), 'pglite-template-build-'));
    const db = await PGlite.create({ dataDir: join(building, EMBEDDED_PGDATA) });
    await db.close();
    await writeFile(join(building, COMPLETE), new Date().toISOString());
    try {
      await rename(building, path);
    } catch {
      await rm(building, { recursive: true, force: true }); // another worker won, or a broken leftover is in the way
      const ok = await readFile(join(path, COMPLETE), 'utf8').then(
        () => true,
        () => false,
      );
      return ok ? path : null;
    }
    return path;
  } catch {
    return null; // no template: every instance runs its own initdb
  }
}

export interface TemporaryDataDir {
  readonly path: string;
  remove(): Promise<void>;
}

/** A new data folder under the OS temp folder, already holding an initialised (empty) database. */
export async function createTemporaryDataDir(prefix = 'embedded-pg-'): Promise<TemporaryDataDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  template ??= buildTemplate();
  const source = await template;
  if (source) await cp(join(source, EMBEDDED_PGDATA), join(path, EMBEDDED_PGDATA), { recursive: true });
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface TemporaryEmbeddedPostgres extends EmbeddedPostgres {
  /** The temporary `dataDir`. `stop()` deletes it. */
  readonly dataDir: string;
}

/**
 * An embedded database on a fresh temporary data folder, for tests: `url` for pools and DataSources, `stop()` (in
 * afterAll, after ending those) stops it and deletes the folder.
 */
export async function startTemporaryEmbeddedPostgres(
  options: Omit<EmbeddedPostgresOptions, 'dataDir'> & { readonly prefix?: string } = {},
): Promise<TemporaryEmbeddedPostgres> {
  const dir = await createTemporaryDataDir(options.prefix);
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres({ ...options, dataDir: dir.path });
  } catch (err) {
    await dir.remove();
    throw err;
  }
  let stopping: Promise<void> | null = null;
  return {
    url: embedded.url,
    host: embedded.host,
    port: embedded.port,
    dataPath: embedded.dataPath,
    poolMax: embedded.poolMax,
    startupMs: embedded.startupMs,
    dataDir: dir.path,
    stats: () => embedded.stats(),
    stop: () =>
      (stopping ??= (async () => {
        try {
          await embedded.stop();
        } finally {
          await dir.remove();
        }
      })()),
  };
}
