import type { Config } from '../config.js';
import type { Db } from '../db/database.js';

/** What use cases need: the database and the configuration. The clock comes in as `now` per call. */
export type UseCaseDeps = { db: Db; config: Config };
