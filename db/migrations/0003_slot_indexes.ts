/**
 * Indexes for the queries that scan slots at community scale (found by `npm run bench`): the month's
 * offered-slot counts (start, then supporter and status, so the count reads the index alone) and the
 * overdue write-ups (booked sessions without a write-up, by end). Partial indexes work the same on SQLite
 * and PostgreSQL. The month index makes the old single-column index on start_at redundant.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  // The new month index starts with start_at, so the single-column one only costs writes now.
  await db.schema.dropIndex('slots_start_idx').ifExists().execute();
  await db.schema
    .createIndex('slots_month_count_idx')
    .on('slots')
    .columns(['start_at', 'status', 'supporter_id'])
    .execute();
  await db.schema
    .createIndex('slots_pending_writeup_idx')
    .on('slots')
    .column('end_at')
    .where(sql.ref('status'), '=', 'booked')
    .where(sql.ref('writeup_done_at'), 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('slots_pending_writeup_idx').ifExists().execute();
  await db.schema.dropIndex('slots_month_count_idx').ifExists().execute();
  await db.schema.createIndex('slots_start_idx').on('slots').column('start_at').execute();
}
