import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CollaborationsModule } from '../../collaborations/collaborations.module.js';
import { ContextResourceScopes } from './context-resource-scopes.js';
import { RESOURCE_SCOPES } from './resource-scopes.js';

/**
 * Binds the access guard's scoped grants (forum roles, own department, collaboration party) to the contexts that
 * know the answers.
 * Imported by the application next to the contexts; without it, scoped grants admit no one (fail closed).
 */
@Global()
@Module({
  imports: [CqrsModule, CollaborationsModule],
  providers: [ContextResourceScopes, { provide: RESOURCE_SCOPES, useExisting: ContextResourceScopes }],
  exports: [RESOURCE_SCOPES],
})
export class AccessModule {}
