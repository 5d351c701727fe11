/** The store contract, run against the PostgreSQL driver (a schema of its own per test). */

import { createTestPostgresStore } from '../helpers/postgres';
import { describeStoreContract } from '../store/contract';

describeStoreContract('PostgreSQL', async () => createTestPostgresStore(), { sqliteLimits: false });
