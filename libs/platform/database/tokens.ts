/**
 * The application's `pg.Pool`. The app provides it (server or embedded PGlite through pglite-socket); platform pieces
 * that need PostgreSQL (idempotency store, readiness) inject it by this token.
 */
export const PG_POOL = Symbol('PG_POOL');
