/**
 * Set-up steps every scenario shares, each "find by natural key, else create": an organisation by its id, its
 * departments by theirs, a forum by its name, a member by its member id. A create sends a deterministic
 * Idempotency-Key, so a rerun that finds the list not yet caught up still gets the first answer back.
 */
import type { DemoActor, DemoClient } from './demo-client.js';

export interface OrganisationSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'municipality' | 'collaboration' | 'other_public_body';
  readonly departments?: readonly { readonly id: string; readonly name: string }[];
}

/** Registers the organisation `actor` acts for, and adds the departments it lacks. */
export async function ensureOrganisation(client: DemoClient, actor: DemoActor, spec: OrganisationSpec): Promise<void> {
  let organisation = await client.find<{ departments: { id: string }[] }>(actor, `/v1/organisations/${spec.id}`);
  if (organisation === null) {
    organisation = await client.write(actor, 'POST', '/v1/organisations', {
      body: { id: spec.id, name: spec.name, kind: spec.kind },
      idempotencyKey: `demo:organisation:${spec.id}`,
    });
  }
  const existing = new Set(organisation.body.departments.map((d) => d.id));
  for (const department of spec.departments ?? []) {
    if (existing.has(department.id)) continue;
    await client.write(actor, 'POST', `/v1/organisations/${spec.id}/departments`, {
      body: { id: department.id, name: department.name, reason: `${spec.name}: ${department.name} oprettet som forvaltning` },
      idempotencyKey: `demo:department:${spec.id}:${department.id}`,
    });
  }
}

export interface ForumSpec {
  readonly name: string;
  readonly kind: string;
  readonly mandate: unknown;
  readonly decisionRule: unknown;
}

/** The acting organisation's forum of that name; established (under `parentForumId`) when there is none. */
export async function ensureForum(client: DemoClient, actor: DemoActor, key: string, spec: ForumSpec, parentForumId?: string): Promise<string> {
  const forums = await client.get<{ items: { id: string; name: string }[] }>(actor, '/v1/forums?limit=100', client.lastPosition);
  const found = forums.body.items.find((f) => f.name === spec.name);
  if (found) return found.id;
  const created = await client.write<{ id: string }>(actor, 'POST', '/v1/forums', {
    body: { ...spec, ...(parentForumId && { parentForumId }) },
    idempotencyKey: `demo:forum:${actor.organisation}:${key}`,
  });
  return created.body.id;
}

export interface MemberSpec {
  readonly memberId: string;
  readonly person: { readonly name: string; readonly email: string };
  readonly role: string;
}

/** Seats each member who has never sat in the forum, from `from`. */
export async function ensureMembers(client: DemoClient, actor: DemoActor, forumId: string, members: readonly MemberSpec[], from: string, reason: string): Promise<void> {
  for (const { memberId, person, role } of members) {
    if (await client.find(actor, `/v1/forums/${forumId}/members/${memberId}`)) continue;
    await client.write(actor, 'POST', `/v1/forums/${forumId}/members`, {
      body: { memberId, person, role, from, reason },
      idempotencyKey: `demo:forum-member:${forumId}:${memberId}`,
    });
  }
}

/** The forum's pool for the year; established when there is none. */
export async function ensureFundingPool(
  client: DemoClient,
  actor: DemoActor,
  forumId: string,
  pool: { readonly year: number; readonly name: string; readonly amount: unknown },
): Promise<string> {
  const pools = await client.get<{ items: { id: string }[] }>(actor, `/v1/funding-pools?forumId=${forumId}&year=${pool.year}`, client.lastPosition);
  if (pools.body.items.length > 0) return pools.body.items[0].id;
  const created = await client.write<{ id: string }>(actor, 'POST', '/v1/funding-pools', {
    body: { forumId, ...pool },
    idempotencyKey: `demo:funding-pool:${forumId}:${pool.year}`,
  });
  return created.body.id;
}
