/**
 * Clients' privacy (#20):
 * - `audit_log`: every bulk access to data and every operator action — exports, erasures, backups,
 *   operator commands, digest posts. `detail` is a short JSON of counts and options, never client text.
 * - `erasures`: one row per consultation or session whose client text was removed (by `retention` or by
 *   `erase`). The text goes from the database first; `slack_done_at` is set once every message the bot
 *   wrote about it has been rewritten in Slack, so a crashed run resumes with what is left.
 * Dialect-neutral like 0001: instants are ISO-8601 UTC strings in `text`, ids via idColumn.
 */
import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    /** A Slack user id, or `cli`, or `job:<name>`. */
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  await idColumn(db, db.schema.createTable('erasures'))
    /** `consultation` | `session` */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    /** `retention` | `erase` */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('slack_done_at', 'text')
    .addUniqueConstraint('erasures_target_uq', ['kind', 'target_id'])
    .execute();
  await db.schema.createIndex('erasures_slack_idx').on('erasures').column('slack_done_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erasures').ifExists().execute();
  await db.schema.dropTable('audit_log').ifExists().execute();
}
