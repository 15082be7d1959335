import { Module } from '@nestjs/common';
import { PERSON_KEYS_PROVIDER } from '../personal-data/application/person-keys.provider.js';
import { ProblemModule } from '../platform/index.js';
import { AuditLog } from './application/audit-log.js';
import { WhatTheForumSawReader } from './application/what-the-forum-saw.js';
import { auditProblemMapper } from './http/audit-problem.mapper.js';
import { AuditEventsController } from './http/audit-events.controller.js';
import { WhatTheForumSawController } from './http/what-the-forum-saw.controller.js';

/**
 * The audit trail: the organisation's events queried and exported, and what the forum saw for each decision. Reads
 * the PostgreSQL log (`es_events`) directly, on the indexes of its migration.
 */
@Module({
  imports: [ProblemModule.forFeature(auditProblemMapper)],
  controllers: [AuditEventsController, WhatTheForumSawController],
  providers: [AuditLog, WhatTheForumSawReader, PERSON_KEYS_PROVIDER],
})
export class AuditModule {}
