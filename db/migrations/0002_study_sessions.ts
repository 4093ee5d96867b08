/**
 * Study sessions (勉強会) and their RSVPs. Dialect-neutral like 0001: instants are ISO-8601 UTC strings in
 * `text`, flags integers 0/1, tags a JSON array in `text`, ids via idColumn.
 * - study_sessions.status: `scheduled` | `cancelled`; channel/ts: the announcement post (null until posted).
 * - study_rsvps: one row per (session, person) — the unique key that makes RSVP clicks idempotent.
 *   `position` is the join order among 参加 answers (a new one on every switch to 参加); the first
 *   `capacity` of them hold seats, the rest have `waitlisted` = 1.
 */
import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('study_sessions'))
    .addColumn('host_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('channel', 'text')
    .addColumn('ts', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .execute();
  await db.schema
    .createIndex('study_sessions_start_idx')
    .on('study_sessions')
    .columns(['status', 'start_at'])
    .execute();
  await db.schema.createIndex('study_sessions_host_idx').on('study_sessions').column('host_id').execute();

  await db.schema
    .createTable('study_rsvps')
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('study_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('waitlisted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_rsvps_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('study_rsvps_user_idx').on('study_rsvps').column('user_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('study_rsvps').ifExists().execute();
  await db.schema.dropTable('study_sessions').ifExists().execute();
}
