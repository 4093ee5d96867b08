/**
 * After the session (issue #19): how it went, and the strengths write-up the supporter builds for the client.
 * - `outcome`: null until the supporter answers (it then counts as `held` once the session has ended),
 *   else `held` | `no_show` | `cancelled`; `outcome_at` when it was answered. The slot stays `booked`
 *   either way, so a no-show or a late cancellation still counts as an offered slot for the quota.
 * - `writeup_draft`: the builder modal's fields as JSON (kept across restarts; the modal reopens with it).
 * - `writeup_text`: the finished, formatted text; `writeup_finished_at` when it was finished.
 * "Sent" stays `slots.writeup_done_at` (0001), the one record `/consult writeup`, the reminder button and
 * `/writeup done` all set — a second sent_at column would be a twin that could disagree with it.
 * The write-up columns are client data: `retention` purges them with the session's other text.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('outcome_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('writeup_draft', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('writeup_text', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('writeup_finished_at', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['writeup_finished_at', 'writeup_text', 'writeup_draft', 'outcome_at', 'outcome'])
    await db.schema.alterTable('sessions').dropColumn(c).execute();
}
