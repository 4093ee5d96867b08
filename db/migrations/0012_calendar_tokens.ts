/**
 * Calendar feeds (#22 item 3): one private subscription token per supporter, behind
 * `GET /calendar/<token>.ics`.
 *
 * The token itself is stored, not a hash of it. A hash would keep a leaked database from leaking the
 * feeds, but then the link could only be shown once, when made; the App Home and `/supporter calendar`
 * show it any time (the way Google Calendar shows its "secret address"), which needs the token. What a
 * feed reveals is small (times, "予約済み（初回 90分）", study-session titles — never a client's alias or
 * topic), and `/supporter calendar reset` replaces a token that got out. The token is ≥ 128 random bits
 * (src/usecases/calendarFeed.ts), so it cannot be guessed.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_tokens')
    .addColumn('supporter_id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_tokens').ifExists().execute();
}
