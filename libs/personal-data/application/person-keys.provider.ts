import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../platform/index.js';
import { PersonKeys } from '../store/person-keys.js';

/** The key table, on the service's own PostgreSQL (also when the log is on KurrentDB). */
export const PERSON_KEYS_PROVIDER: Provider = { provide: PersonKeys, useFactory: (pool: Pool) => new PersonKeys(pool), inject: [PG_POOL] };
