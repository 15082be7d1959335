import type { ModuleRef } from '@nestjs/core';
import { ProjectionRuntime } from '../../projections/projection-runtime.js';

/**
 * The application's projection runtime, or null when the application has none (the platform's own test apps).
 * Looked up rather than injected: the projections library builds on the platform, so the platform cannot import
 * its module without a cycle.
 */
export function findProjectionRuntime(moduleRef: ModuleRef): ProjectionRuntime | null {
  try {
    return moduleRef.get(ProjectionRuntime, { strict: false });
  } catch {
    return null;
  }
}
