/** `npm start -- --demo` / `DEMO=true`: the service, once listening, loads the demo data set through its own API. */
import { Logger } from '@nestjs/common';
import { issueDevelopmentToken } from '../platform/auth/development-token.js';
import type { PlatformConfig } from '../platform/config/platform-config.js';
import { loadDemo, type DemoSummary } from './load-demo.js';

/** Signs each demo actor's token with the key pair in `DATA_DIR`, which the embedded default trusts. */
export function developmentTokens(dataDir: string) {
  return (roles: string[], organisation: string, subject: string, department?: string) => issueDevelopmentToken({ dataDir, subject, roles, organisation, department });
}

export async function loadDemoOnStart(config: PlatformConfig, port: number): Promise<DemoSummary> {
  const logger = new Logger('Demo');
  const summary = await loadDemo(`http://127.0.0.1:${port}`, developmentTokens(config.dataDir), {
    onProgress: ({ step, completed, total }) => logger.log({ msg: 'demo step loaded', step, completed, total }),
  });
  logger.log({ msg: 'demo data set loaded', recorded: summary.recorded, unchanged: summary.unchanged, steeringGroupId: summary.herning.steeringGroupId });
  return summary;
}
