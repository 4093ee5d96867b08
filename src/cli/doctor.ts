/** `doctor`: checks configuration, the database and the Slack token, and says what is wrong. */
import { WebClient } from '@slack/web-api';
import { type Config, ConfigError, loadConfig, loadDatabaseUrl } from '../config.js';
import { openDatabase, redactDatabaseUrl } from '../db/database.js';
import { hasTable, pingDatabase } from '../db/health.js';
import { missingScopes } from '../slack/scopes.js';
import { CliError, type CliIo, parseCommandArgs, withHelp } from './common.js';

const USAGE = `Usage: supporter-desk doctor
  Checks the configuration (every variable), the database (connects, runs a query) and calls
  auth.test against SLACK_API_URL with SLACK_BOT_TOKEN: the bot scopes it was granted (every one the
  features need), then conversations.info for every configured channel (the bot must be a member).
  Exits non-zero when anything is wrong.`;

type Check = { name: string; ok: boolean; detail: string };

export const doctorCommand = withHelp(async (args: string[], io: CliIo) => {
  parseCommandArgs(args, {}, USAGE);
  const checks: Check[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(io.env);
    checks.push({ name: 'config', ok: true, detail: 'all settings valid' });
  } catch (err) {
    const problems = err instanceof ConfigError ? err.problems.join('; ') : String(err);
    checks.push({ name: 'config', ok: false, detail: problems });
  }
  checks.push(await checkDatabase(io));
  if (config) checks.push(...(await checkSlack(config)));
  else checks.push({ name: 'slack', ok: false, detail: 'skipped: fix the configuration first' });

  for (const c of checks) io.err(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  if (failed.length) throw new CliError(`problems found in ${failed.join(', ')}`, 1);
  io.err('everything looks fine');
});

const checkDatabase = async (io: CliIo): Promise<Check> => {
  try {
    const url = loadDatabaseUrl(io.env);
    const database = openDatabase(url);
    try {
      await pingDatabase(database.db);
      const migrated = await hasTable(database, 'slots');
      const where = database.dialect === 'postgres' ? `PostgreSQL ${redactDatabaseUrl(url)}` : url;
      return {
        name: 'database',
        ok: true,
        detail: `${where} answers${migrated ? '' : ' (not migrated yet: run `supporter-desk migrate`)'}`,
      };
    } finally {
      await database.close();
    }
  } catch (err) {
    return { name: 'database', ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
};

const checkSlack = async (config: Config): Promise<Check[]> => {
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    timeout: 5000,
  });
  let auth: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    auth = await client.auth.test();
  } catch (err) {
    const e = err as { data?: { error?: string }; message?: string };
    return [
      {
        name: 'slack',
        ok: false,
        detail: `auth.test failed at ${config.slack.apiUrl}: ${e.data?.error ?? e.message}`,
      },
    ];
  }
  return [
    { name: 'slack', ok: true, detail: `auth.test ok: bot ${auth.user_id} in team ${auth.team}` },
    checkScopes(auth.response_metadata?.scopes),
    ...(await checkChannels(client, config)),
  ];
};

/**
 * Slack sends the token's scopes in the `x-oauth-scopes` header of every Web API answer
 * (https://api.slack.com/scopes); the SDK puts them in `response_metadata.scopes`.
 */
const checkScopes = (granted: string[] | undefined): Check => {
  if (!granted) return { name: 'scopes', ok: false, detail: 'Slack did not say which scopes the bot has' };
  const missing = missingScopes(granted);
  if (!missing.length) return { name: 'scopes', ok: true, detail: 'the bot has every scope it needs' };
  const list = missing.map((m) => `${m.scope} (${m.feature})`).join('; ');
  return {
    name: 'scopes',
    ok: false,
    detail: `missing ${list} — add them in the app's settings (OAuth & Permissions) and reinstall`,
  };
};

/** Each configured channel: it exists for the bot, is not archived, and the bot is a member. */
const checkChannels = async (client: WebClient, config: Config): Promise<Check[]> => {
  const configured: Array<[string, string | undefined]> = [
    ['ADVICE_CHANNEL_ID', config.channels.advice],
    ['SUPPORTERS_CHANNEL_ID', config.channels.supporters],
    ['OPERATOR_CHANNEL_ID', config.channels.operators],
    ['STUDY_CHANNEL_ID', config.channels.study],
  ];
  const seen = new Set<string>();
  const checks: Check[] = [];
  for (const [name, id] of configured) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    checks.push(await checkChannel(client, name, id));
  }
  return checks;
};

const checkChannel = async (client: WebClient, name: string, id: string): Promise<Check> => {
  try {
    const { channel } = await client.conversations.info({ channel: id });
    const label = channel?.name ? `#${channel.name}` : id;
    if (channel?.is_archived) {
      return { name, ok: false, detail: `${label} is archived: unarchive it or set another channel` };
    }
    if (!channel?.is_member) {
      return { name, ok: false, detail: `invite the bot to ${label}: /invite @supporter-desk in ${label}` };
    }
    return {
      name,
      ok: true,
      detail: `the bot is a member of ${label}${channel.is_private ? ' (private)' : ''}`,
    };
  } catch (err) {
    const e = err as { data?: { error?: string; needed?: string }; message?: string };
    const error = e.data?.error ?? e.message;
    const detail =
      error === 'channel_not_found'
        ? `${id} not found: if it is a private channel, invite the bot there (/invite @supporter-desk)`
        : error === 'missing_scope'
          ? `cannot check ${id}: the bot lacks ${e.data?.needed} (add it and reinstall)`
          : `conversations.info ${id} failed: ${error}`;
    return { name, ok: false, detail };
  }
};
