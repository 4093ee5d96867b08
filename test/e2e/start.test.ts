/** `npm start` as a real process: fail-fast config errors, then a running app that answers and stops cleanly. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackToApp } from '../../emulator/deliver.js';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace, USERS } from '../../emulator/workspace.js';
import { ROOT, runProcess } from '../helpers/cli.js';
import { SIGNING_SECRET } from '../helpers/harness.js';

let dir: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-start-'));
  fake = await new FakeSlack().start();
  seedWorkspace(fake);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (src/main.ts)', () => {
  it('exits non-zero at once with one message naming every missing variable', async () => {
    const run = await runProcess('node', ['--import', 'tsx', 'src/main.ts'], {}, { cwd: ROOT });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN/);
    expect(lines[0]).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('starts, answers /healthz and a signed /slots help, and stops cleanly on SIGTERM', async () => {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        ADVICE_CHANNEL_ID: 'CADVICE',
        DATABASE_URL: `sqlite:${join(dir, 'start.sqlite')}`,
        PORT: String(port),
        SCHEDULER_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const deadline = Date.now() + 20_000;
      let health: Response | undefined;
      while (Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (health) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, output).toBe(200);
      const slack = new SlackToApp(fake, `http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
      const reply = await slack.ask(USERS.aiko.id, '/slots', 'help');
      expect(reply.text).toContain('/slots add');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopped cleanly');
  });
});
