/**
 * Signatures of the Slack requests taken in the last five minutes, shared by every instance on one
 * PostgreSQL database, so that a request replayed to another instance is refused as it is by the one that
 * took it. `expires_at` is in epoch seconds: the request's timestamp plus the signature window, after which
 * the timestamp check refuses it anyway and the row is swept. (Comment updated later, schema unchanged:
 * the replay ledger is now src/db/repositories/seenRequests.ts, used on SQLite too.)
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seen_requests')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seen_requests_expires_idx').on('seen_requests').column('expires_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('seen_requests').ifExists().execute();
}
