/**
 * Global setup of the vitest project `postgres`: after the run, drops every schema the run created
 * (`t_<TEST_RUN_ID>_…`), including those of tests that crashed before their own cleanup.
 */
import { dropTestSchemas, testSchemaPrefix, testServerUrl } from './db.js';

export default function setup(): () => Promise<void> {
  return async () => {
    await dropTestSchemas(testServerUrl(), testSchemaPrefix());
  };
}
