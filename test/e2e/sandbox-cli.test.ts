/**
 * `npm run sandbox -- cli …` (sandbox/cli-runner.ts) in process: the real CLI on a seeded sandbox's
 * database; while the sandbox runs, a job sends through its Slack emulator at the sandbox's clock; and a
 * job's dry run needs no Slack settings at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../emulator/server.js';
import { BOT_USER_ID } from '../../emulator/state.js';
import { runSandboxCli } from '../../sandbox/cli-runner.js';
import { type Sandbox, startSandbox } from '../../sandbox/server.js';
import type { CliIo } from '../../src/cli/common.js';
import { runCliInProcess } from '../helpers/cli.js';

let dir: string;
let sandbox: Sandbox | undefined;

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

const cli = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: () => {},
    env: {},
    now: () => new Date(),
  };
  const code = await runSandboxCli(args, { dataDir: dir, io });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

const jsonLines = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { key: string; recipient: string; text: string });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'supporter-desk-sandbox-cli-'));
}, 60_000);
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run sandbox -- cli', () => {
  it('refuses before the sandbox has made its database, so the first start still seeds', async () => {
    const run = await cli(['export', 'slots']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run `npm run sandbox` once first');
  });

  it('exports the sandbox’s slots and runs a job through its emulator at the sandbox’s clock', async () => {
    sandbox = await startSandbox({ port: 0, dataDir: dir, log: quiet() });
    await sandbox.seeded();
    const slots = await cli(['export', 'slots']);
    expect(slots.code, slots.stderr).toBe(0);
    const rows = JSON.parse(slots.stdout) as Array<{ supporter: string }>;
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((r) => r.supporter))).toContain('UKEN');
    expect(slots.stderr).toContain('Slack emulator of the running sandbox');

    sandbox.clock.set(new Date(Date.now() + 2 * 86_400_000));
    const day = DateTime.fromJSDate(sandbox.clock.now()).setZone('Asia/Tokyo').toISODate()!;
    const plan = await cli(['job', 'quota-reminders', '--dry-run']);
    expect(plan.code, plan.stderr).toBe(0);
    const planned = jsonLines(plan.stdout);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((p) => p.key.endsWith(`:${day}`))).toBe(true);

    const before = sandbox.fake.callsTo('chat.postMessage').length;
    const sent = await cli(['job', 'quota-reminders']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toContain(`quota-reminders: sent ${planned.length}`);
    expect(sandbox.fake.callsTo('chat.postMessage').length - before).toBe(planned.length);
    const dm = sandbox.fake.state.imWith(planned[0]!.recipient).id;
    expect(
      sandbox.fake.state.messages.some(
        (m) => m.channel === dm && m.user === BOT_USER_ID && m.text === planned[0]!.text,
      ),
    ).toBe(true);
  });

  it('without the sandbox running: dry runs work, a real run asks for Slack’s settings', async () => {
    await sandbox?.stop();
    sandbox = undefined;
    const plan = await cli(['job', 'writeup-reminders', '--dry-run']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr).toContain('the sandbox is not running');
    const real = await cli(['job', 'writeup-reminders']);
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('SLACK_BOT_TOKEN is required');
  });
});

describe('supporter-desk job --dry-run', () => {
  it('needs no Slack token, signing secret or API URL, and prints the plan', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'sandbox.sqlite')}`, ADVICE_CHANNEL_ID: 'CADVICE' };
    const month = DateTime.now().setZone('Asia/Tokyo').plus({ months: 1 }).toFormat('yyyy-MM');
    const run = await runCliInProcess(['job', 'quota-reminders', '--dry-run', '--month', month], env);
    expect(run.code, run.stderr).toBe(0);
    const planned = jsonLines(run.stdout);
    expect(planned.length).toBeGreaterThan(0);
    expect(run.stderr.trim()).toBe(`quota-reminders (dry run): would send ${planned.length}, skipped 0`);
    // Nothing reaches Slack, not even the look-ups a job makes for its text (advice-nudges' permalink).
    const fake = new FakeSlack({ port: 0 });
    await fake.start();
    try {
      const now = new Date(Date.now() + 3_600_000).toISOString();
      const nudges = await runCliInProcess(['job', 'advice-nudges', '--dry-run', '--now', now], {
        ...env,
        SLACK_API_URL: fake.apiUrl,
      });
      expect(nudges.code, nudges.stderr).toBe(0);
      expect(jsonLines(nudges.stdout).length).toBeGreaterThan(0);
      expect(fake.calls).toHaveLength(0);
    } finally {
      await fake.stop();
    }
    const real = await runCliInProcess(['job', 'quota-reminders', '--month', month], env);
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('SLACK_BOT_TOKEN is required; SLACK_SIGNING_SECRET is required');
  });
});
