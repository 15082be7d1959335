import type { DataSource } from 'typeorm';
import { ResourcePlanRow, ResourceRoleRow, ResourceRow } from './resource-read-models.entity.js';

export interface ResourceListQuery {
  readonly organisationId: string;
  readonly roleId?: string;
  readonly homeUnitId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ResourceListPage {
  readonly items: ResourceRow[];
  readonly nextCursor: string | null;
}

/** The cursor was not issued by this list. */
export class InvalidResourceCursor extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidResourceCursor';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw new InvalidResourceCursor();
  return id;
}

/** People and teams by id: keyset pagination. */
export async function listResources(dataSource: DataSource, q: ResourceListQuery): Promise<ResourceListPage> {
  const qb = dataSource.getRepository(ResourceRow).createQueryBuilder('r').where('r.organisation_id = :org', { org: q.organisationId });
  if (q.roleId !== undefined) qb.andWhere('r.role_id = :role', { role: q.roleId });
  if (q.homeUnitId !== undefined) qb.andWhere('r.home_unit_id = :unit', { unit: q.homeUnitId });
  if (q.cursor) qb.andWhere('r.id > :after', { after: decode(q.cursor) });
  const rows = await qb.orderBy('r.id', 'ASC').limit(q.limit + 1).getMany();
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null };
}

/** Every role of the organisation, by id (an organisation has a handful). */
export function listRoles(dataSource: DataSource, organisationId: string): Promise<ResourceRoleRow[]> {
  return dataSource.getRepository(ResourceRoleRow).find({ where: { organisationId }, order: { roleId: 'ASC' } });
}

/** What the capacity view is computed from: every resource and every resource plan of the organisation. */
export async function capacitySources(dataSource: DataSource, organisationId: string): Promise<{ resources: ResourceRow[]; plans: ResourcePlanRow[] }> {
  const [resources, plans] = await Promise.all([
    dataSource.getRepository(ResourceRow).find({ where: { organisationId }, order: { id: 'ASC' } }),
    dataSource.getRepository(ResourcePlanRow).find({ where: { organisationId }, order: { projectId: 'ASC' } }),
  ]);
  return { resources, plans };
}

/** The resources with an assignment (active or withdrawn) to the project. */
export function resourcesAssignedTo(dataSource: DataSource, organisationId: string, projectId: string): Promise<ResourceRow[]> {
  return dataSource
    .getRepository(ResourceRow)
    .createQueryBuilder('r')
    .where('r.organisation_id = :org', { org: organisationId })
    .andWhere('r.assignments @> CAST(:match AS jsonb)', { match: JSON.stringify([{ projectId }]) })
    .orderBy('r.id', 'ASC')
    .getMany();
}
