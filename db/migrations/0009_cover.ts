/**
 * Cover (代打) and the staged advice nudges (issue #18 items 3–4).
 * - `cover_requests`: a supporter's request that someone else take a booked session over, posted to the
 *   supporters' channel (`channel`/`ts`, so the post can be updated). `status` open → taken | cancelled;
 *   the take-over is one conditional UPDATE (`where status = 'open'`), so two clicks at once have one
 *   winner. A session has at most one open request (partial unique index, SQLite and PostgreSQL alike).
 * - `nudges.stage`: which step of the ladder nudged the person (1: DM to a matching expert, 2: mentioned in
 *   the thread's bump), so a crashed run resumes each stage with the people it chose. Rows from before
 *   this migration were all the one nudge of the old rule: stage 1.
 * Dialect-neutral like 0001: instants are ISO-8601 UTC strings in `text`, ids via idColumn.
 */
import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('cover_requests'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    /** `open` | `taken` | `cancelled` */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('taken_by', 'text')
    .addColumn('channel', 'text')
    .addColumn('ts', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cover_requests_open_uq')
    .on('cover_requests')
    .column('session_id')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .alterTable('nudges')
    .addColumn('stage', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nudges').dropColumn('stage').execute();
  await db.schema.dropTable('cover_requests').ifExists().execute();
}
