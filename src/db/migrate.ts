import { type MigrationResult, Migrator } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import type { Db } from './database.js';

export type MigrateOutcome = { applied: string[]; alreadyUpToDate: boolean };

/** Brings the schema up to date. Safe to run concurrently: kysely's migration lock serialises runners. */
export const migrateToLatest = async (db: Db): Promise<MigrateOutcome> => {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === 'Success')
    .map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied, alreadyUpToDate: applied.length === 0 };
};
