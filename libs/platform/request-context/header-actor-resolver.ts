import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../event-store/index.js';
import { ANONYMOUS_ACTOR, type ActorResolver } from './actor-resolver.js';

const TOKEN = /^[A-Za-z0-9._:@|-]{1,200}$/;

/**
 * Development stand-in for authentication: trusts `X-Actor-Subject`, `X-Actor-Roles` (comma-separated) and
 * `X-Actor-Organisation`. Values that are not plain identifiers are ignored rather than logged or stored.
 */
@Injectable()
export class HeaderActorResolver implements ActorResolver {
  resolve(request: IncomingMessage): Actor {
    const subject = header(request, 'x-actor-subject');
    if (!subject || !TOKEN.test(subject)) return ANONYMOUS_ACTOR;
    const roles = (header(request, 'x-actor-roles') ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter((role) => TOKEN.test(role));
    const organisation = header(request, 'x-actor-organisation');
    return {
      subject,
      roles: [...new Set(roles)],
      organisationId: organisation && TOKEN.test(organisation) ? organisation : null,
    };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}
