/**
 * `npm run sandbox [-- --reset] [-- --port 3001]`: Supporter Desk against the built-in Slack emulator, in
 * the browser. No workspace or tokens needed; demo data is seeded on first start.
 * `npm run sandbox -- cli <args…>`: the operator CLI on the sandbox's database (sandbox/cli-runner.ts).
 */
import { parseArgs } from 'node:util';
import { runSandboxCli } from './cli-runner.js';
import { type Sandbox, startSandbox } from './server.js';

const HELP = `npm run sandbox -- [--reset] [--port N]
npm run sandbox -- cli <command> [options]

  --reset      delete the sandbox database and workspace (data/sandbox.*), then seed the demo data again
  --port N     port of the web UI (default: SANDBOX_PORT or 3000)
  cli …        run supporter-desk (export, job, backup, doctor, …) on the sandbox's database and, while
               the sandbox runs, its Slack emulator; e.g. cli export slots, cli job quota-reminders --dry-run
`;

/** Settings a developer may want to try in the sandbox; everything else is the sandbox's own. */
const PASSED_THROUGH = [
  'APP_TIMEZONE',
  'DEFAULT_LOCALE',
  'MONTHLY_SLOT_QUOTA',
  'ADVICE_NUDGE_HOURS',
  'WRITEUP_DUE_HOURS',
  'RETENTION_DAYS',
  'LOG_LEVEL',
];

const banner = (sandbox: Sandbox) =>
  [
    '',
    '  Supporter Desk サンドボックス / sandbox',
    `  ➜  ${sandbox.url}`,
    '',
    '  まず試すこと:',
    '    1. 左上でユーザー（佐藤 愛子 など）を選び、#advice で /slots add 12/3 19:00 と送信',
    '    2. 「Supporter Desk」アプリのホームタブで今月のノルマの進み具合を確認',
    '    3. 右上の「時計とジョブ」で advice-nudges を実行し、DM が届くのを確認',
    '  Try first:',
    '    1. Pick a user (top left) and send /slots add 12/3 19:00 in #advice',
    "    2. Open the Supporter Desk app's Home tab to see this month's quota progress",
    '    3. Run advice-nudges from "Clock & jobs" (top right) and watch the DMs arrive',
    '',
    `  App log: ${sandbox.files.log}   Start over: npm run sandbox -- --reset   Stop: Ctrl+C`,
    '',
  ].join('\n');

const passedThrough = () =>
  Object.fromEntries(PASSED_THROUGH.map((k) => [k, process.env[k]]).filter(([, v]) => v));

const main = async () => {
  if (process.argv[2] === 'cli') {
    process.exitCode = await runSandboxCli(process.argv.slice(3), { env: passedThrough() });
    return;
  }
  const { values } = parseArgs({
    options: { reset: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port ?? process.env.SANDBOX_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port}`);
  const env = passedThrough();

  const sandbox = await startSandbox({ port, reset: values.reset === true, env });
  process.stdout.write(banner(sandbox));
  if (sandbox.snapshot().seed.state === 'running') {
    process.stdout.write('  デモデータを準備しています… / seeding demo data…\n');
    const seed = await sandbox.seeded();
    process.stdout.write(
      `  デモデータ: ${seed.ok} 件 OK、${seed.failed} 件は未対応またはエラー / demo data: ${seed.ok} ok, ${seed.failed} not available yet or failed\n`,
    );
    for (const line of seed.log.filter((l) => l.startsWith('✗'))) process.stdout.write(`    ${line}\n`);
  }

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
};

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
