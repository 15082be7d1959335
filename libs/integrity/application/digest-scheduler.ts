import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DigestStore } from './digest-store.js';
import { INTEGRITY_CONFIG, type IntegrityConfig } from './integrity-config.js';

/** Who records the periodic digests. */
export const SCHEDULED_DIGEST_RECORDER = 'system';

/**
 * Records a digest of all stream heads every INTEGRITY_DIGEST_INTERVAL_MS (when the log moved since the last one).
 * Several replicas may run it: recording is serialised in the database and an unchanged log records nothing.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntegrityDigests');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly digests: DigestStore,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.digestIntervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.digestIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return; // the previous one is still at work: skip, do not pile up
    this.running = this.digests
      .record(SCHEDULED_DIGEST_RECORDER)
      .then(({ digest, created }) => {
        if (created) this.logger.log({ msg: 'digest recorded', sequence: digest.sequence, position: digest.position, streams: digest.streams, digest: digest.digest });
      })
      .catch((err: unknown) => this.logger.error({ msg: 'could not record a digest', err: String(err) }))
      .finally(() => {
        this.running = null;
      });
  }
}
