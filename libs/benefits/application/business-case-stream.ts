/** One business case per portfolio project, on the project's id. */
export const businessCaseStream = (projectId: string) => `business-case-${projectId}`;
