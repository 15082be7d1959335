import { nameBasedUuid } from '../../governance/decisions/application/name-based-uuid.js';

/** A role's stream is named after its organisation and key, so defining it twice lands on one stream and is refused there. */
export const roleStream = (organisationId: string, roleId: string) => `resource-role-${nameBasedUuid('resource-role', JSON.stringify([organisationId, roleId]))}`;
export const resourceStream = (resourceId: string) => `resource-${resourceId}`;
/** A project's resource plan (its demand), one per portfolio project. */
export const resourcePlanStream = (projectId: string) => `resource-plan-${projectId}`;
