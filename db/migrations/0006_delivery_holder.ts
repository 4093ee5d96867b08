/**
 * Which job run claimed each delivery (`job_runs.holder`). A run that takes over an occurrence whose
 * holder stopped heartbeating knows that holder is dead, and with this column takes over the deliveries it
 * left `sending` at once, instead of skipping them until their own lease runs out — on SQLite, where there
 * is no session lock to prove a whole job's runs dead, that skip would have left them unsent.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').addColumn('holder', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('holder').execute();
}
