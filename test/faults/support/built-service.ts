import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The entry point `npm run start:prod` runs. */
export const SERVICE_MAIN = join(ROOT, 'dist/apps/api/main.js');
const LOCK = join(ROOT, 'dist/.faults-build.lock');
/** A lock older than a build can take was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Brings `dist/` up to date with an incremental `tsc -p tsconfig.build.json` (seconds when little changed), one
 * build at a time across parallel jest workers (a directory lock: `mkdir` is atomic). Type errors elsewhere in the
 * checkout do not stop tsc from emitting; they are printed, and the build counts as done when the entry point exists.
 */
export async function ensureServiceBuilt(): Promise<string> {
  // once per jest process (a worker, or the whole `--runInBand` run): the test files of one run see the same sources
  const builtHere = join(tmpdir(), `faults-service-built-${process.pid}`);
  if (existsSync(builtHere) && existsSync(SERVICE_MAIN)) return SERVICE_MAIN;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (const deadline = Date.now() + STALE_LOCK_MS; ; ) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - lockAge() > STALE_LOCK_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.faults.tsbuildinfo'];
    await run(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
      const lines = (error.stdout ?? '').split('\n').filter(Boolean);
      console.warn(`tsc reported ${lines.length} line(s) of errors; the service was emitted anyway:\n${lines.slice(0, 10).join('\n')}`);
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  if (!existsSync(SERVICE_MAIN)) throw new Error(`the build did not produce ${SERVICE_MAIN}`);
  writeFileSync(builtHere, new Date().toISOString());
  return SERVICE_MAIN;
}

function lockAge(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}
