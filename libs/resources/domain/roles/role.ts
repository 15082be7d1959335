import type { NewEvent } from '../../../event-store/port/index.js';
import { InconsistentResourceHistory, InvalidResourceRequest, RoleAlreadyDefined, RoleNotFound } from '../errors.js';
import { optionalText, requireText } from '../validation.js';

/**
 * A role resources are planned in (project leader, process consultant, system architect, implementation support, …).
 * Its id is a readable key chosen by the organisation (`project_leader`); the label may be Danish.
 */
export const ROLE_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const RoleCommandType = { Define: 'DefineRole', Amend: 'AmendRole' } as const;
export const RoleEventType = { Defined: 'RoleDefined', Amended: 'RoleAmended' } as const;

export interface DefineRole {
  readonly type: typeof RoleCommandType.Define;
  readonly data: { readonly roleId: string; readonly organisationId: string; readonly name: string; readonly description?: string | null };
}

/** Renames a role or changes its description; absent fields stay. */
export interface AmendRole {
  readonly type: typeof RoleCommandType.Amend;
  readonly data: { readonly roleId: string; readonly name?: string; readonly description?: string | null };
}

export type RoleCommand = DefineRole | AmendRole;

type DomainEvent<TType extends string, TData> = Pick<NewEvent<TType, TData>, 'type' | 'data'>;

export interface RoleDefinedData {
  readonly roleId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly description: string | null;
}

/** The role's name and description after the amendment. */
export interface RoleAmendedData {
  readonly roleId: string;
  readonly name: string;
  readonly description: string | null;
}

export type RoleDefined = DomainEvent<typeof RoleEventType.Defined, RoleDefinedData>;
export type RoleAmended = DomainEvent<typeof RoleEventType.Amended, RoleAmendedData>;
export type RoleEvent = RoleDefined | RoleAmended;

export type RoleState = { readonly status: 'none' } | ({ readonly status: 'defined' } & RoleDefinedData);

export function decideRole(command: RoleCommand, state: RoleState): RoleEvent[] {
  switch (command.type) {
    case RoleCommandType.Define: {
      const { roleId, organisationId } = command.data;
      if (state.status !== 'none') throw new RoleAlreadyDefined(roleId);
      if (typeof roleId !== 'string' || !ROLE_KEY.test(roleId)) {
        throw new InvalidResourceRequest('roleId', 'must be 1 to 64 lower-case letters, digits, _ or - (starting with a letter or digit)');
      }
      requireText(organisationId, 'organisationId');
      const name = requireText(command.data.name, 'name');
      return [{ type: RoleEventType.Defined, data: { roleId, organisationId, name, description: optionalText(command.data.description) } }];
    }
    case RoleCommandType.Amend: {
      if (state.status === 'none') throw new RoleNotFound(command.data.roleId);
      const name = command.data.name === undefined ? state.name : requireText(command.data.name, 'name');
      const description = command.data.description === undefined ? state.description : optionalText(command.data.description);
      if (name === state.name && description === state.description) return [];
      return [{ type: RoleEventType.Amended, data: { roleId: state.roleId, name, description } }];
    }
  }
}

export function evolveRole(state: RoleState, event: RoleEvent): RoleState {
  switch (event.type) {
    case RoleEventType.Defined:
      if (state.status !== 'none') throw new InconsistentResourceHistory(event.type, 'the role exists already');
      return { status: 'defined', ...event.data };
    case RoleEventType.Amended:
      if (state.status === 'none') throw new InconsistentResourceHistory(event.type, 'the role does not exist');
      return { ...state, name: event.data.name, description: event.data.description };
  }
}

/** The Role aggregate (one stream per role of an organisation). */
export const roleDecider = { decide: decideRole, evolve: evolveRole, initialState: (): RoleState => ({ status: 'none' }) };
