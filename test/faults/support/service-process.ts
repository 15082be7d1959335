import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PUBLIC_KEY_PEM } from '../../support/tokens.js';
import { ensureServiceBuilt } from './built-service.js';
import { waitUntil } from './wait.js';

/** One instance of the built service (`node dist/apps/api/main.js`) in a process of its own. */
export interface ServiceProcess {
  readonly name: string;
  readonly base: string;
  readonly pid: number;
  /** The last lines it wrote (stdout and stderr), for failure messages. */
  readonly output: string[];
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  isRunning(): boolean;
  /** SIGKILL: no shutdown hook runs, sessions end when the kernel closes the sockets. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  readonly databaseUrl: string;
  /** More environment (e.g. `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`). */
  readonly env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the built service on a free port against `databaseUrl`, trusting the test key (so `actorHeaders` work),
 * and resolves once `/health/live` answers.
 */
export async function startService(name: string, options: ServiceOptions): Promise<ServiceProcess> {
  const main = await ensureServiceBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `faults-${name}-`));
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_PUBLIC_KEY: TEST_PUBLIC_KEY_PEM,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean).map((line) => `[${name}] ${line}`));
    if (output.length > 300) output.splice(0, output.length - 300);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running = false;
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      `${name} answers /health/live`,
      async () => {
        if (!running) throw new Error(`${name} exited while starting:\n${output.slice(-30).join('\n')}`);
        return fetch(`${base}/health/live`).then((r) => r.ok, () => false);
      },
      120_000,
      100,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    name,
    base,
    pid: child.pid!,
    output,
    exited,
    isRunning: () => running,
    async kill() {
      if (!running) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
