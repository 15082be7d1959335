import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../../shared-kernel/testing/given-when-then.js';
import { InvalidResourceRequest, RoleAlreadyDefined, RoleNotFound } from '../errors.js';
import { RoleCommandType, RoleEventType, roleDecider } from './role.js';

const given = deciderSpec(roleDecider);
const define = (roleId = 'project_leader', name = 'Projektleder') =>
  ({ type: RoleCommandType.Define, data: { roleId, organisationId: 'viborg', name } }) as const;
const defined = { type: RoleEventType.Defined, data: { roleId: 'project_leader', organisationId: 'viborg', name: 'Projektleder', description: null } } as const;

describe('roles', () => {
  it('defines a role once, under a readable key', () => {
    given([]).when(define()).then([defined]);
    given([defined]).when(define()).then(new RoleAlreadyDefined('project_leader'));
    given([]).when(define('Project Leader')).then(new InvalidResourceRequest('roleId', 'must be 1 to 64 lower-case letters, digits, _ or - (starting with a letter or digit)'));
    given([]).when(define('project_leader', ' ')).then(new InvalidResourceRequest('name', 'must not be empty'));
  });

  it('amends the name or description, recording nothing when nothing changes', () => {
    const amend = (name: string) => ({ type: RoleCommandType.Amend, data: { roleId: 'project_leader', name, description: 'Leder projekter' } }) as const;
    given([defined])
      .when(amend('Projektleder (central)'))
      .then([{ type: RoleEventType.Amended, data: { roleId: 'project_leader', name: 'Projektleder (central)', description: 'Leder projekter' } }]);
    given([defined, { type: RoleEventType.Amended, data: { roleId: 'project_leader', name: 'Projektleder', description: 'Leder projekter' } }]).when(amend('Projektleder')).then([]);
    given([]).when(amend('x')).then(new RoleNotFound('project_leader'));
  });
});
