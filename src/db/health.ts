/** Is the database there, and migrated? For /healthz and `doctor`. */
import { sql } from 'kysely';
import type { DatabaseHandle, DbOrTrx } from './database.js';

/** Runs `select 1`: rejects when the database does not answer. */
export const pingDatabase = async (db: DbOrTrx): Promise<void> => {
  await sql`select 1`.execute(db);
};

/** On PostgreSQL only the schema in use counts (others in the same database may have a `slots` too). */
export const hasTable = async (database: DatabaseHandle, name: string): Promise<boolean> => {
  const { db } = database;
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(
      db,
    );
    return rows[0]?.found != null;
  }
  return (await db.introspection.getTables()).some((t) => t.name === name);
};
