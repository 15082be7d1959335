import { developmentTokens } from '../../../libs/demo/demo-on-start.js';
import { loadDemo } from '../../../libs/demo/load-demo.js';
import { loadPlatformConfig } from '../../../libs/platform/index.js';
import type { CliIo } from '../cli-io.js';
import { startProgress } from '../progress.js';
import { UsageError } from '../exit-codes.js';

export interface DemoCommandOptions {
  /** The running service; default http://localhost:$PORT. */
  readonly url?: string;
}

/**
 * Loads the demo data set through the running service's API, with tokens signed by the key pair in `DATA_DIR` (the
 * service's embedded default). Safe to repeat: a second run records nothing, an interrupted one is completed.
 */
export async function demoCommand(io: CliIo, options: DemoCommandOptions): Promise<void> {
  const config = loadPlatformConfig(io.env);
  if (config.auth.jwksUrl || config.auth.publicKeyPem) {
    throw new UsageError('the demo signs its own tokens: run it against a service on its embedded default (no AUTH_JWKS_URL, no AUTH_PUBLIC_KEY)');
  }
  const url = options.url ?? `http://localhost:${config.port}`;
  const progress = startProgress(io, { label: 'demo', unit: 'steps', total: null });
  try {
    const summary = await loadDemo(url, developmentTokens(config.dataDir), { signal: io.signal, onProgress: (p) => progress.update(p.completed, p.total) });
    progress.finish(`demo loaded into ${url}: ${summary.recorded} writes recorded, ${summary.unchanged} already there`);
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } catch (error) {
    progress.stop('demo stopped; run it again to complete it');
    throw error;
  }
}
