/**
 * Sessions: a booked slot's record — who the client is (an alias such as `Aさん`, never a real name), the
 * plan, the client's topic, where the booking came from, and the consultation asked about it. One per
 * slot (`slot_id` unique): unbooking deletes the row, a new booking of the same slot makes a new one.
 * Dialect-neutral like 0001: instants are ISO-8601 UTC strings in `text`, ids via idColumn.
 * The session's outcome and write-up (the next issue) will be added as columns of this table.
 */
import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('sessions'))
    .addColumn('slot_id', 'integer', (c) => c.notNull().unique().references('slots.id').onDelete('cascade'))
    .addColumn('supporter_id', 'text', (c) => c.notNull())
    .addColumn('client_alias', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    /** `command` | `webhook` | `import` */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'integer', (c) => c.references('consultations.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_supporter_idx').on('sessions').column('supporter_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').ifExists().execute();
}
