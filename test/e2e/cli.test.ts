import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { binArgs } from '../helpers/built.js';
import { runCliInProcess, runProcess } from '../helpers/cli.js';
import { SIGNING_SECRET } from '../helpers/harness.js';

let dir: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-cli-'));
  fake = await new FakeSlack().start();
  // doctor checks the bot is in ADVICE_CHANNEL_ID (conversations.info): a correctly set up workspace.
  seedWorkspace(fake);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const envFor = (db: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: `sqlite:${db}`,
  SLACK_BOT_TOKEN: fake.botToken,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  ADVICE_CHANNEL_ID: 'CADVICE',
  ...extra,
});

describe('supporter-desk CLI (the package bin)', () => {
  it('prints usage for --help and exits 0', async () => {
    const run = await runProcess('node', binArgs('--help'), {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: supporter-desk <command>');
    expect(run.stdout).toContain('doctor');
  });

  it('migrates a new database file', async () => {
    const db = join(dir, 'bin-migrate.sqlite');
    const run = await runProcess('node', binArgs('migrate'), {
      DATABASE_URL: `sqlite:${db}`,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('applied: 0001_initial');
    const sqlite = new SQLite(db, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from sqlite_master where name = 'slots'").get()).toEqual({
      n: 1,
    });
    sqlite.close();
  });
});

describe('supporter-desk CLI (in process)', () => {
  it('rejects an unknown command with one line and a non-zero exit', async () => {
    const run = await runCliInProcess(['frobnicate'], {});
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects bad arguments with one line', async () => {
    const db = join(dir, 'args.sqlite');
    const cases = [
      ['job', 'nope'],
      ['job', 'quota-reminders', '--now', 'yesterday'],
      ['export', 'pets'],
      ['export', 'slots', '--format', 'xml'],
      ['export', 'slots', '--month', '2026-13'],
      ['backup'],
      ['migrate', '--bogus'],
    ];
    for (const argv of cases) {
      const run = await runCliInProcess(argv, envFor(db));
      expect(run.code, argv.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(run.stdout, argv.join(' ')).toBe('');
    }
  });

  it('answers --help for every command', async () => {
    for (const cmd of ['migrate', 'job', 'export', 'backup', 'doctor']) {
      const run = await runCliInProcess([cmd, '--help'], {});
      expect(run.code, cmd).toBe(0);
      expect(run.stdout, cmd).toContain(`Usage: supporter-desk ${cmd}`);
    }
  });

  it('doctor passes against a working fake Slack and database', async () => {
    const run = await runCliInProcess(['doctor'], envFor(join(dir, 'doctor.sqlite')));
    expect(run.stderr).toContain('✓ config');
    expect(run.stderr).toContain('✓ database');
    expect(run.stderr).toContain('✓ slack: auth.test ok');
    expect(run.code).toBe(0);
  });

  it('doctor names what is wrong: missing settings and a bad token', async () => {
    const missing = await runCliInProcess(['doctor'], { DATABASE_URL: `sqlite:${join(dir, 'd2.sqlite')}` });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/✗ config: .*SLACK_BOT_TOKEN/);
    const badToken = await runCliInProcess(
      ['doctor'],
      envFor(join(dir, 'd3.sqlite'), { SLACK_BOT_TOKEN: 'xoxb-wrong' }),
    );
    expect(badToken.code).not.toBe(0);
    expect(badToken.stderr).toMatch(/✗ slack: auth.test failed .*invalid_auth/);
  });

  it('backup writes a file that opens, passes integrity_check and holds the data', async () => {
    const db = join(dir, 'live.sqlite');
    const h = openDatabase(`sqlite:${db}`);
    await migrateToLatest(h.db);
    await h.db
      .insertInto('supporters')
      .values({
        id: 'UAIKO',
        display_name: 'aiko',
        locale: null,
        source: 'command',
        joined_at: '2026-11-01T00:00:00.000Z',
        left_at: null,
      })
      .execute();
    const target = join(dir, 'backup.sqlite');
    const run = await runCliInProcess(['backup', target], envFor(db));
    expect(run.code, run.stderr).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select id from supporters').all()).toEqual([{ id: 'UAIKO' }]);
    copy.close();
    const again = await runCliInProcess(['backup', target], envFor(db));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already exists');
    await h.close();
  });
});
