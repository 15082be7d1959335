import { loadAggregate, type EventStore } from '../../event-store/index.js';
import { foldProjectView } from '../../governance/decisions/application/project-view.js';
import { projectStream } from '../../governance/domain/decisions/index.js';
import { roleDecider } from '../domain/index.js';
import { roleStream } from './streams.js';

/** True when the proposal is a project in the acting organisation's portfolio (read from its own stream). */
export async function isProjectOf(store: EventStore, organisationId: string, projectId: string): Promise<boolean> {
  const project = foldProjectView(await store.readStream(projectStream(projectId)));
  return project !== null && project.organisationId === organisationId;
}

/** True when the organisation has defined the role. */
export async function isRoleOf(store: EventStore, organisationId: string, roleId: string): Promise<boolean> {
  const { state } = await loadAggregate(store, roleDecider, roleStream(organisationId, roleId));
  return state.status === 'defined';
}
