import { Module } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL, ProblemModule } from '../platform/index.js';
import { DigestScheduler } from './application/digest-scheduler.js';
import { DigestStore } from './application/digest-store.js';
import { INTEGRITY_CONFIG, loadIntegrityConfig } from './application/integrity-config.js';
import { IntegrityController } from './http/integrity.controller.js';
import { integrityProblemMapper } from './http/integrity-problem.mapper.js';

/**
 * Tamper evidence of the event log (the hash chain itself is written by the event store's append): digests of all
 * stream heads, recorded every INTEGRITY_DIGEST_INTERVAL_MS and on demand, and verification over HTTP.
 * `verifyEventLog` is also called by the CLI, without Nest.
 */
@Module({
  imports: [ProblemModule.forFeature(integrityProblemMapper)],
  controllers: [IntegrityController],
  providers: [
    { provide: INTEGRITY_CONFIG, useFactory: () => loadIntegrityConfig() },
    { provide: DigestStore, useFactory: (pool: pg.Pool) => new DigestStore(pool), inject: [PG_POOL] },
    DigestScheduler,
  ],
  exports: [DigestStore],
})
export class IntegrityModule {}
