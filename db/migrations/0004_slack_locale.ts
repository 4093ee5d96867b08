/**
 * The Slack locale last seen for each supporter (users.info with include_locale), so that jobs write to
 * someone who never chose a language with `/supporter lang` in the language their Slack speaks, as the
 * app's replies to them already do.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supporters').addColumn('slack_locale', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supporters').dropColumn('slack_locale').execute();
}
