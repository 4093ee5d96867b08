/**
 * `npm run sandbox -- cli <args…>`: the operator CLI (src/cli.ts) on the sandbox's own database, with the
 * demo workspace's channels and operators. While the sandbox runs (`npm run sandbox` in another terminal)
 * the CLI talks to its Slack emulator, so a job's DMs and posts appear in the browser, and `--now`
 * defaults to the sandbox's clock. When it is not running, exports, backups and `job … --dry-run` still
 * work (a dry run needs no Slack); a real job run then says Slack's settings are missing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type CliIo, nodeIo } from '../src/cli/common.js';
import { runCli } from '../src/cli.js';
import { workspaceEnv } from './app-host.js';
import { readRunningNote, type SandboxFiles, sandboxFiles, savedClockOffset } from './files.js';

export type SandboxCliOptions = {
  dataDir?: string;
  /** Settings passed through from the developer's environment (APP_TIMEZONE, MONTHLY_SLOT_QUOTA, …). */
  env?: Record<string, string | undefined>;
  io?: CliIo;
};

type RunningSandbox = { apiUrl: string; botToken: string; url: string; clockMs: number | null };

/** The sandbox named by the running note, if it answers: its emulator and its clock's shift. */
const runningSandbox = async (files: SandboxFiles): Promise<RunningSandbox | undefined> => {
  const note = readRunningNote(files);
  if (!note) return undefined;
  try {
    const res = await fetch(`${note.url}/sandbox/api/state`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return undefined;
    const state = (await res.json()) as { clock?: { now?: string; real?: boolean } };
    const now = Date.parse(state.clock?.now ?? '');
    const clockMs = state.clock?.real === false && Number.isFinite(now) ? now - Date.now() : null;
    return { apiUrl: note.apiUrl, botToken: note.botToken, url: note.url, clockMs };
  } catch {
    return undefined;
  }
};

/** Runs the CLI with `args` on the sandbox; resolves to its exit code. */
export const runSandboxCli = async (args: string[], opts: SandboxCliOptions = {}): Promise<number> => {
  const files = sandboxFiles(opts.dataDir);
  const base = opts.io ?? nodeIo();
  // Creating it here would make the sandbox think it had already been seeded.
  if (!existsSync(files.db)) {
    base.err(`sandbox: no sandbox database yet (${files.db}): run \`npm run sandbox\` once first`);
    return 1;
  }
  const running = await runningSandbox(files);
  const env: Record<string, string> = {
    ...workspaceEnv(files.db, opts.env),
    ...(running
      ? {
          SLACK_API_URL: running.apiUrl,
          SLACK_BOT_TOKEN: running.botToken,
          // Only the app checks request signatures; the CLI never receives one. Required by the config.
          SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
          SLACK_SOCKET_MODE: 'false',
        }
      : {}),
  };
  const offset = running ? running.clockMs : savedClockOffset(files);
  const io: CliIo = { ...base, env, now: () => new Date(base.now().getTime() + (offset ?? 0)) };
  base.err(
    running
      ? `sandbox: ${files.db}, Slack emulator of the running sandbox (${running.url})`
      : `sandbox: ${files.db} (the sandbox is not running: start \`npm run sandbox\` for jobs that send; --dry-run works without it)`,
  );
  return runCli(args, io);
};
