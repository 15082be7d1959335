import { Role } from '../../platform/auth/roles.js';

/**
 * Who may call the collaboration endpoints, by role (the access rules' `@Allow`). Organisation scope comes on top, in
 * the handlers: the administering organisation runs the collaboration, a member reads it and acts for itself.
 */
export const READ = [Role.ProgrammeOffice, Role.Director, Role.Auditor] as const;
export const WRITE = [Role.ProgrammeOffice] as const;
