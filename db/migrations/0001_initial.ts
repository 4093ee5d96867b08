/**
 * The initial schema. Dialect-neutral on purpose: instants are ISO-8601 UTC strings in `text`, flags are
 * integers 0/1, ids are `serial` on PostgreSQL and `integer primary key autoincrement` on SQLite (the one
 * place the dialects differ, handled by idColumn). Nothing here is SQLite-only.
 */
import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supporters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('command'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();

  await db.schema
    .createTable('supporter_expertise')
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supporter_expertise_pk', ['supporter_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('supporter_expertise_tag_idx')
    .on('supporter_expertise')
    .column('tag')
    .execute();

  await db.schema
    .createTable('supporter_months')
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('away', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quota_override', 'integer')
    .addPrimaryKeyConstraint('supporter_months_pk', ['supporter_id', 'month'])
    .execute();

  await db.schema
    .createTable('quota_settings')
    .addColumn('from_month', 'text', (c) => c.primaryKey())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('slots'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('writeup_done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('slots_supporter_start_idx')
    .on('slots')
    .columns(['supporter_id', 'start_at'])
    .execute();
  await db.schema.createIndex('slots_start_idx').on('slots').column('start_at').execute();

  await idColumn(db, db.schema.createTable('consultations'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('slot_id', 'integer', (c) => c.references('slots.id').onDelete('set null'))
    .addColumn('session_start', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('ts', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('resolved_at', 'text')
    .addColumn('nudged_at', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultations_thread_idx')
    .on('consultations')
    .columns(['channel', 'ts'])
    .unique()
    .execute();
  await db.schema.createIndex('consultations_status_idx').on('consultations').column('status').execute();

  await db.schema
    .createTable('consultation_tags')
    .addColumn('consultation_id', 'integer', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_tags_pk', ['consultation_id', 'tag'])
    .execute();

  await db.schema
    .createTable('thread_replies')
    .addColumn('consultation_id', 'integer', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('message_ts', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('replied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_replies_pk', ['consultation_id', 'message_ts'])
    .execute();

  await db.schema
    .createTable('nudges')
    .addColumn('consultation_id', 'integer', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('nudged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('nudges_pk', ['consultation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('nudges_user_idx').on('nudges').columns(['user_id', 'nudged_at']).execute();

  await db.schema
    .createTable('slack_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('deliveries'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel', 'text')
    .addColumn('ts', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_status_idx').on('deliveries').columns(['job', 'status']).execute();

  await idColumn(db, db.schema.createTable('job_runs'))
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('job_runs_occurrence_idx')
    .on('job_runs')
    .columns(['job', 'scheduled_for'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_runs',
    'deliveries',
    'slack_events',
    'nudges',
    'thread_replies',
    'consultation_tags',
    'consultations',
    'slots',
    'quota_settings',
    'supporter_months',
    'supporter_expertise',
    'supporters',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
