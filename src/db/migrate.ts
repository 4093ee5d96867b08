import {
  type DatabaseIntrospector,
  type MigrationResult,
  Migrator,
  PostgresAdapter,
  sql,
  type TableMetadata,
} from 'kysely';
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

/**
 * kysely's PostgreSQL introspector lists the tables of *every* schema (pg_get_serial_sequence per column)
 * just to learn whether its own two bookkeeping tables exist; a table renamed or a schema dropped in
 * another schema during that catalog read fails our migration with `relation "other.x" does not exist`.
 * The migrator needs only names in its own schema: answer that from information_schema, nothing else.
 */
const ownSchemaIntrospector = (db: Db, schema: string): DatabaseIntrospector => {
  const getTables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
    return rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
  };
  return {
    getSchemas: async () => [{ name: schema }],
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
};

/** `db` whose `introspection` is the one above (everything else is the same Kysely instance). */
const withOwnSchemaIntrospection = (db: Db, schema: string): Db => {
  const introspection = ownSchemaIntrospector(db, schema);
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

/** Brings the schema up to date. Safe to run concurrently: kysely's migration lock serialises runners. */
export const migrateToLatest = async (db: Db): Promise<MigrateOutcome> => {
  const schema = await migrationTableSchema(db);
  const migrator = new Migrator({
    db: schema ? withOwnSchemaIntrospection(db, schema) : db,
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
