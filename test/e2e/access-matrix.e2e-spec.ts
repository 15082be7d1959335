import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { RoutePolicy } from '../../libs/platform/index.js';
import { actorHeaders, startTestApp, type TestApp } from '../support/app.js';
import { declaredRoutes, type DeclaredRoute } from '../support/routes.js';

/**
 * Every role against every endpoint. Routes are read from Nest's metadata, so an endpoint added later is driven too:
 * without a declared policy it fails the first test; without a row in EXPECTED its outcome is checked against the
 * roles its policy names. Allowed means the guard let the request through (the handler may still say 400/404/409);
 * denied means 403; no token means 401 everywhere but the public routes.
 */

const DEPARTMENT = 'citizen-service';

/** Who asks. Forum subjects are members of the fixture forum under these ids; `outsider` chairs no forum of ours. */
const CALLERS = {
  P: { subject: 'pia@herning.dk', roles: 'programme_office' },
  D: { subject: 'dan@herning.dk', roles: 'department_member', department: DEPARTMENT },
  C: { subject: 'chair-1', roles: 'forum_chair' },
  M: { subject: 'member-1', roles: 'forum_member' },
  S: { subject: 'secretary-1', roles: 'forum_secretary' },
  R: { subject: 'dora@herning.dk', roles: 'director' },
  A: { subject: 'aud@herning.dk', roles: 'auditor' },
  X: { subject: 'adm@herning.dk', roles: 'administrator' },
  O: { subject: 'chair-elsewhere', roles: 'forum_chair' },
} as const;
type Caller = keyof typeof CALLERS;

const EVERYONE = 'P D C M S R A X O';
const READERS = 'P R A';
const FORUM = 'C M S';

/** Who each endpoint lets through, with the fixture's ids in the path and the matrix's query and body. */
const EXPECTED: Record<string, string> = {
  'POST /v1/proposals': 'P D',
  'GET /v1/proposals': `${READERS} D`,
  'GET /v1/proposals/:id': `${READERS} D`,
  'GET /v1/proposals/:id/history': 'P A D',
  'PATCH /v1/proposals/:id': 'P D',
  'POST /v1/proposals/:id/submit': 'P D',
  'POST /v1/proposals/:id/withdraw': 'P D',

  'POST /v1/organisations': 'P X',
  'GET /v1/organisations/:id': EVERYONE,
  'POST /v1/organisations/:id/departments': 'P X',
  'GET /v1/organisations/:id/departments/:departmentId': EVERYONE,
  'PATCH /v1/organisations/:id/departments/:departmentId': 'P X',
  'POST /v1/organisations/:id/departments/:departmentId/close': 'P X',

  'POST /v1/forums': 'P X',
  'GET /v1/forums': EVERYONE,
  'GET /v1/forums/:id': EVERYONE,
  'PUT /v1/forums/:id/mandate': 'P X',
  'PUT /v1/forums/:id/decision-rule': 'P X',
  'POST /v1/forums/:id/members': 'P X',
  'GET /v1/forums/:id/members': `${READERS} X ${FORUM}`,
  'GET /v1/forums/:id/members/:memberId': `${READERS} X ${FORUM}`,
  'PATCH /v1/forums/:id/members/:memberId': 'P X',
  'POST /v1/forums/:id/members/:memberId/leave': 'P X',
  'POST /v1/forums/:id/mandate-check': `${READERS} ${FORUM}`,

  'GET /v1/forums/:forumId/meeting-rule': `${READERS} ${FORUM}`,
  'PUT /v1/forums/:forumId/meeting-rule': 'P C S',
  'POST /v1/forums/:forumId/meetings/schedule': 'P C S',
  'POST /v1/forums/:forumId/meetings': 'P C S',
  'GET /v1/forums/:forumId/meetings': `${READERS} ${FORUM}`,
  'POST /v1/forums/:forumId/meetings/:meetingId/move': 'P C S',
  'POST /v1/forums/:forumId/meetings/:meetingId/cancel': 'P C S',
  'POST /v1/forums/:forumId/meetings/:meetingId/held': 'P C S',
  'GET /v1/meetings/:meetingId': `${READERS} ${FORUM}`,

  'POST /v1/meetings/:meetingId/agenda': 'P C S',
  'GET /v1/meetings/:meetingId/agenda': `${READERS} ${FORUM}`,
  'POST /v1/meetings/:meetingId/agenda/items': 'P C S',
  'DELETE /v1/meetings/:meetingId/agenda/items/:itemId': 'P C S',
  'PUT /v1/meetings/:meetingId/agenda/items/order': 'P C S',
  'POST /v1/meetings/:meetingId/agenda/freeze': 'P C S',
  'POST /v1/meetings/:meetingId/agenda/reopen': 'P C S',
  'GET /v1/meetings/:meetingId/agenda/revisions/:revision': `${READERS} ${FORUM}`,

  'POST /v1/meetings/:meetingId/decisions': 'P C S',
  'GET /v1/projects/:proposalId': `${READERS} D`,
  'GET /v1/projects/:proposalId/decisions/:decisionId': `${READERS} D`,
  'GET /v1/portfolio': READERS,
  'GET /v1/forums/:forumId/portfolio': `${READERS} ${FORUM}`,

  'POST /v1/scoring-models': 'P',
  'GET /v1/scoring-models': EVERYONE,
  'GET /v1/scoring-models/:id': EVERYONE,
  'GET /v1/scoring-models/:id/versions/:version': EVERYONE,
  'PUT /v1/scoring-models/:id': 'P',
  'POST /v1/scoring-models/:id/retire': 'P',
  // the matrix body is a forum assessment of the fixture forum: its voting members may record it
  'POST /v1/proposals/:proposalId/scores': 'P C M',
  'GET /v1/proposals/:proposalId/scores': `${READERS} D ${FORUM}`,
  'GET /v1/forums/:forumId/ranking': `${READERS} ${FORUM}`,

  'POST /v1/funding-pools': 'P',
  'GET /v1/funding-pools': READERS,
  'GET /v1/funding-pools/:id': READERS,
  'POST /v1/funding-pools/:id/adjustments': 'P',
  'POST /v1/funding-pools/:id/commitments': 'P',
  'GET /v1/funding-pools/:id/commitments/:commitmentId': READERS,
  'POST /v1/funding-pools/:id/commitments/:commitmentId/release': 'P',
};

describe('access matrix: every role against every endpoint', () => {
  let t: TestApp;
  let routes: DeclaredRoute[];
  const fixture = { forumId: '', meetingId: '', proposalId: '' };
  const http = () => request(t.server);
  const headersOf = (caller: Caller) => {
    const c = CALLERS[caller];
    return actorHeaders(c.subject, 'herning', c.roles, 'department' in c ? c.department : undefined);
  };

  beforeAll(async () => {
    t = await startTestApp('access_matrix');
    routes = declaredRoutes(t.app);
    const po = headersOf('P');
    const ok = async (res: request.Test, status: number) => {
      const answer = await res;
      if (answer.status !== status) throw new Error(`fixture: ${answer.status} ${answer.text.slice(0, 300)}`);
      return answer;
    };
    await ok(http().post('/v1/organisations').set(po).send({ id: 'herning', name: 'Herning Kommune', kind: 'municipality' }), 201);
    await ok(http().post('/v1/organisations/herning/departments').set(po).send({ id: DEPARTMENT, name: 'Borgerservice' }), 201);
    const forum = await ok(
      http()
        .post('/v1/forums')
        .set(po)
        .send({
          name: 'Styregruppen',
          kind: 'steering_group',
          mandate: { decisionKinds: ['approve', 'reject'], investmentAreas: [], departmentIds: [], maximumAmount: { amountMinor: 100_000_000, currency: 'DKK' } },
          decisionRule: { kind: 'simple_majority', quorum: { kind: 'fraction', numerator: 1, denominator: 2 } },
        }),
      201,
    );
    fixture.forumId = forum.body.id;
    for (const [memberId, role] of [['chair-1', 'chair'], ['member-1', 'member'], ['secretary-1', 'secretary']]) {
      await ok(http().post(`/v1/forums/${fixture.forumId}/members`).set(po).send({ memberId, person: { name: memberId }, role, from: '2020-01-01' }), 201);
    }
    const rule = { frequency: 'monthly', dayRule: { kind: 'nth_weekday', n: 1, weekday: 2 }, time: '14:00', timeZone: 'Europe/Copenhagen', durationMinutes: 120, exceptMonths: [7], startDate: '2030-01-01' };
    await ok(http().put(`/v1/forums/${fixture.forumId}/meeting-rule`).set(po).send(rule), 200);
    const scheduled = await ok(http().post(`/v1/forums/${fixture.forumId}/meetings/schedule`).set(po).send({ from: '2030-01-01', to: '2030-03-31' }), 200);
    fixture.meetingId = scheduled.body.scheduled[0].meetingId;
    const proposal = await ok(http().post('/v1/proposals').set(po).send({ title: 'Digital post', departmentId: DEPARTMENT }), 201);
    fixture.proposalId = proposal.body.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const OTHER_ID = '7b0e1a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

  /** The route's path with the fixture's ids where they fit, and a well-formed unknown id elsewhere. */
  function concretePath(route: DeclaredRoute): string {
    return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (name === 'forumId' || (name === 'id' && route.path.startsWith('/v1/forums/'))) return fixture.forumId;
      if (name === 'meetingId') return fixture.meetingId;
      if (name === 'proposalId' || (name === 'id' && route.path.startsWith('/v1/proposals/'))) return fixture.proposalId;
      if (name === 'id' && route.path.startsWith('/v1/organisations/')) return 'herning';
      if (name === 'departmentId') return DEPARTMENT;
      if (name === 'memberId') return 'member-1';
      if (name === 'version' || name === 'revision') return '1';
      return OTHER_ID;
    });
  }

  function send(route: DeclaredRoute, headers: Record<string, string>): request.Test {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = http()[method](concretePath(route)).query({ departmentId: DEPARTMENT, forumId: fixture.forumId }).set(headers);
    return method === 'get' || method === 'delete' ? req : req.send({ departmentId: DEPARTMENT, forumId: fixture.forumId, assessorKind: 'forum' });
  }

  /**
   * For endpoints without a row: the roles the policy names are let through, the others refused (everyone, without a
   * policy); where scoped grants could admit the caller, the fixture cannot tell, so nothing is asserted.
   */
  function expectedFromPolicy(policy: RoutePolicy | undefined, caller: Caller): boolean | undefined {
    if (!policy) return false; // fails closed
    const roles = CALLERS[caller].roles.split(',');
    if (policy.grants.some((g) => g.kind === 'anyone' || (g.kind === 'role' && roles.includes(g.role)))) return true;
    return policy.grants.some((g) => g.kind !== 'role') ? undefined : false;
  }

  it('finds the routes in Nest\'s metadata, and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    expect(routes.filter((r) => r.policy === undefined).map((r) => `${r.key} (${r.controller}.${r.handler})`)).toEqual([]);
    const keys = new Set(routes.map((r) => r.key));
    expect(Object.keys(EXPECTED).filter((k) => !keys.has(k))).toEqual([]);
    expect(routes.filter((r) => r.policy?.public).map((r) => r.key)).toEqual(['GET /health/live', 'GET /health/ready', 'GET /metrics']);
  });

  it('answers 401 with WWW-Authenticate to a request without a token, on every route but the public ones', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.policy?.public)) {
      const res = await send(route, {});
      if (res.status !== 401 || !/^Bearer/.test(res.headers['www-authenticate'] ?? '') || !/problem\+json/.test(res.headers['content-type'])) {
        wrong.push(`${route.key}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(CALLERS) as Caller[])('lets %s through exactly where the policy says', async (caller) => {
    const headers = headersOf(caller);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.policy?.public)) {
      const row = EXPECTED[route.key];
      const allowed = row !== undefined ? row.split(' ').includes(caller) : expectedFromPolicy(route.policy, caller);
      if (allowed === undefined) continue;
      const res = await send(route, headers);
      const denied = res.status === 401 || res.status === 403;
      if (allowed ? denied : res.status !== 403) wrong.push(`${route.key}: ${res.status} (expected ${allowed ? 'allowed' : '403'}) ${allowed ? res.text.slice(0, 120) : ''}`);
    }
    expect(wrong).toEqual([]);
  });
});
