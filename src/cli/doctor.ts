/** `doctor`: checks configuration, the database and the Slack token, and says what is wrong. */
import { WebClient } from '@slack/web-api';
import { type Config, ConfigError, loadConfig, loadDatabaseUrl } from '../config.js';
import { openDatabase, redactDatabaseUrl } from '../db/database.js';
import { hasTable, pingDatabase } from '../db/health.js';
import { CliError, type CliIo, parseCommandArgs, withHelp } from './common.js';

const USAGE = `Usage: supporter-desk doctor
  Checks the configuration (every variable), the database (connects, runs a query) and calls
  auth.test against SLACK_API_URL with SLACK_BOT_TOKEN. Exits non-zero when anything is wrong.`;

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
  if (config) checks.push(await checkSlack(config));
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

const checkSlack = async (config: Config): Promise<Check> => {
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    timeout: 5000,
  });
  try {
    const auth = await client.auth.test();
    return { name: 'slack', ok: true, detail: `auth.test ok: bot ${auth.user_id} in team ${auth.team}` };
  } catch (err) {
    const e = err as { data?: { error?: string }; message?: string };
    return {
      name: 'slack',
      ok: false,
      detail: `auth.test failed at ${config.slack.apiUrl}: ${e.data?.error ?? e.message}`,
    };
  }
};
