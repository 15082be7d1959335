/** An update of an existing resource plan came without If-Match: it must not overwrite a plan the caller has not seen. */
export class PlanPreconditionRequired extends Error {
  constructor(readonly projectId: string) {
    super(`the resource plan of project ${projectId} exists: changing it needs If-Match with its version`);
    this.name = 'PlanPreconditionRequired';
  }
}
