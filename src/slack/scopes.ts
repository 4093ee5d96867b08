/**
 * The bot scopes Supporter Desk needs, each with the feature that needs it — the one list in src, kept
 * equal to manifest.yml's `oauth_config.scopes.bot` by test/unit/scopes.test.ts. `doctor` names every
 * missing one with its feature. Scope reference: https://api.slack.com/scopes.
 */
export const BOT_SCOPES = {
  commands: 'slash commands (/slots, /consult, /supporter, /study)',
  'chat:write': 'posts in the advice, study and operator channels, DMs, thread bumps',
  'im:write': 'DMs: reminders and nudges (conversations.open)',
  'im:history': "delivery: checking a DM's history so nothing is sent twice after a crash",
  'users:read': 'the reply language and bot detection (users.info)',
  'channels:history': 'thread replies in a public advice channel count as answers',
  'channels:read': 'the roster from a public supporters channel; doctor checks public channels',
  'groups:history': 'thread replies in a private advice channel count as answers',
  'groups:read': 'the roster from a private supporters channel; doctor checks private channels',
} as const satisfies Record<string, string>;

export type BotScope = keyof typeof BOT_SCOPES;

/** The needed scopes absent from `granted`, each with its feature. */
export const missingScopes = (granted: readonly string[]): Array<{ scope: string; feature: string }> =>
  Object.entries(BOT_SCOPES)
    .filter(([scope]) => !granted.includes(scope))
    .map(([scope, feature]) => ({ scope, feature }));
