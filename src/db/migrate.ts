import { type MigrationResult, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import type { Db } from './database.js';

export type MigrateOutcome = { applied: string[]; alreadyUpToDate: boolean };

/**
 * On PostgreSQL the migrator must be told which schema its bookkeeping tables live in: unqualified, kysely
 * looks for `kysely_migration` in every schema of the database and would take another deployment's (or
 * another test run's) for ours. The current schema is the one `?schema=` selected, else `public`.
 */
const migrationTableSchema = async (db: Db): Promise<string | undefined> => {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
};

/** Brings the schema up to date. Safe to run concurrently: kysely's migration lock serialises runners. */
export const migrateToLatest = async (db: Db): Promise<MigrateOutcome> => {
  const schema = await migrationTableSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
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
