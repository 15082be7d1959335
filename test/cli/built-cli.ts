import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI compiled as `npm run build` compiles it, into a private folder (others build `dist/` at the same time),
 * started as `node …/apps/cli/main.js` the way `npm run cli` starts it.
 */
export class BuiltCli {
  private constructor(private readonly dir: string) {}

  static build(): BuiltCli {
    const dir = mkdtempSync(join(tmpdir(), 'cli-build-'));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    // tsc emits despite type errors; a type error elsewhere in the tree is the typecheck's business, not this test's
    if (!existsSync(join(dir, 'apps/cli/main.js'))) throw new Error(`the CLI did not compile:\n${tsc.stdout}${tsc.stderr}`);
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    return new BuiltCli(dir);
  }

  spawn(args: readonly string[], env: Record<string, string | undefined>): ChildProcessWithoutNullStreams {
    return spawn(process.execPath, [join(this.dir, 'apps/cli/main.js'), ...args], { env: { PATH: process.env.PATH, ...env }, cwd: this.dir });
  }

  /** Runs to the end; `stdin` is written and closed. */
  run(args: readonly string[], env: Record<string, string | undefined>, stdin?: string): Promise<CliRun> {
    const child = this.spawn(args, env);
    child.stdin.end(stdin ?? '');
    return finish(child);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function finish(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves once the child's stderr contains `text`. */
export function stderrShows(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      seen += d;
      if (seen.includes(text)) resolve();
    });
    child.on('close', () => reject(new Error(`exited before printing "${text}":\n${seen}`)));
  });
}
