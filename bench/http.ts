import type { BenchConfig } from './support/config.js';
import type { Report } from './support/report.js';
export async function httpPhase(_b: URL, _url: string, _config: BenchConfig, _report: Report): Promise<void> {}
