import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemMapperRegistry } from '../problem/problem-mapper.js';
import { ProblemException } from '../problem/problem.exception.js';
import { RequestContext, type RequestContextData } from '../request-context/request-context.js';
import { ACCESS_POLICY, type RoutePolicy } from './access-policy.js';
import { unauthenticated } from './authentication-problems.js';
import type { DepartmentScope, ForumScope, Grant, RequestValue } from './grants.js';
import { RESOURCE_SCOPES, type ResourceScopes } from './resource-scopes.js';
import { Role } from './roles.js';

/** Resource ids the scoped grants look up are UUIDs; anything else names nothing (and must not reach a uuid column). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Enforces the route's `@Allow(...)`/`@Public()` policy on every request. Fails closed: a route without a policy is
 * refused to everyone, an unauthenticated caller gets 401, a caller no grant admits 403. Role grants are checked
 * first, so the common case costs no I/O; scoped grants (forum roles, own department) look the resource up.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly problems: ProblemMapperRegistry,
    @Optional() @Inject(RESOURCE_SCOPES) private readonly scopes: ResourceScopes | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy?.public) return true;
    const request = RequestContext.require();
    if (request.authenticationFailure) throw request.authenticationFailure;
    if (!request.authenticated) throw unauthenticated();
    if (!policy) throw forbidden('This endpoint declares no access rule, so no one may call it.');

    const http = context.switchToHttp().getRequest<Request>();
    const scoped: Grant[] = [];
    for (const grant of policy.grants) {
      if (grant.kind === 'anyone') return true;
      if (grant.kind === 'role') {
        if (request.actor.roles.includes(grant.role)) return true;
      } else scoped.push(grant);
    }
    for (const grant of scoped) if (await this.admitsScoped(grant, request, http)) return true;
    throw forbidden('Your roles do not allow this request.');
  }

  private async admitsScoped(grant: Grant, context: RequestContextData, req: Request): Promise<boolean> {
    const organisationId = context.actor.organisationId;
    if (!organisationId || !this.scopes) return false;
    if ((grant.kind === 'forum' || grant.kind === 'department') && grant.onlyIf && valueOf(req, { in: 'body', name: grant.onlyIf.field }) !== grant.onlyIf.equals) {
      return false;
    }
    const scopes = this.scopes;
    return this.unlessNotFound(async () => {
      switch (grant.kind) {
        case 'forum': {
          const forumId = await this.forumOf(grant.forum, organisationId, req);
          if (forumId === null) return false;
          const held = await scopes.forumRoles(organisationId, forumId, context.actor.subject);
          return held.some((r) => grant.roles.includes(r));
        }
        case 'department': {
          if (!context.departmentId || !context.actor.roles.includes(Role.DepartmentMember)) return false;
          const named = await this.departmentsOf(grant.department, organisationId, req);
          return named.length > 0 && named.every((d) => d === context.departmentId);
        }
        case 'collaboration': {
          const id = singleValue(req, grant.collaborationId);
          return id !== null && UUID.test(id) && scopes.isCollaborationMember(organisationId, id);
        }
        default:
          return false;
      }
    });
  }

  private async forumOf(scope: ForumScope, organisationId: string, req: Request): Promise<string | null> {
    if ('forumId' in scope) {
      const id = singleValue(req, scope.forumId);
      return id !== null && UUID.test(id) ? id : null;
    }
    const meetingId = singleValue(req, scope.meetingId);
    return meetingId !== null && UUID.test(meetingId) ? this.scopes!.forumOfMeeting(organisationId, meetingId) : null;
  }

  /** Every department the request names (a list filter may name several); empty when it names none it can. */
  private async departmentsOf(scope: DepartmentScope, organisationId: string, req: Request): Promise<string[]> {
    if ('departmentId' in scope) {
      const raw = valueOf(req, scope.departmentId);
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v.split(',') : ['']));
      const named = values.flat();
      return named.every((v) => v !== '') ? named : [];
    }
    const proposalId = singleValue(req, scope.proposalId);
    const department = proposalId !== null && UUID.test(proposalId) ? await this.scopes!.departmentOfProposal(organisationId, proposalId) : null;
    return department === null ? [] : [department];
  }

  /** A resource that is not there (or is another organisation's) admits no one; any other failure is a fault. */
  private async unlessNotFound(check: () => Promise<boolean>): Promise<boolean> {
    try {
      return await check();
    } catch (error) {
      const status = error instanceof ProblemException ? error.problem.status : this.problems.map(error)?.problem.status;
      if (status === 404) return false;
      throw error;
    }
  }
}

function valueOf(req: Request, value: RequestValue): unknown {
  const source: unknown = value.in === 'param' ? req.params : value.in === 'query' ? req.query : req.body;
  return source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[value.name] : undefined;
}

function singleValue(req: Request, value: RequestValue): string | null {
  const v = valueOf(req, value);
  return typeof v === 'string' ? v : null;
}

function forbidden(detail: string): ProblemException {
  return new ProblemException({ status: 403, detail });
}
