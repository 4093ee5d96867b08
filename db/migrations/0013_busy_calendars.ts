/**
 * Busy times (#22 item 4): the address of each supporter's main-job calendar (an .ics URL, usually a
 * "secret address"), read to warn when a slot clashes with it.
 *
 * The URL is a secret of the supporter's (anyone holding it reads their employer's calendar): stored as
 * given because it must be fetched, never logged (src/logger.ts), never shown back whole (only its host),
 * never exported or written to the audit log; `/supporter busy off` and `/supporter leave` delete the row.
 * What it fetches is never stored: busy times live in the app's memory for 15 minutes.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('busy_calendars')
    .addColumn('supporter_id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('busy_calendars').ifExists().execute();
}
