/**
 * The compiled app (`npm start`'s command line, from a production install) in Socket Mode, as a real
 * process against the fake: it opens its link, answers /healthz on PORT and a slash command sent over the
 * WebSocket, and closes the link cleanly on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SlackToApp, viaSocketMode } from '../../emulator/deliver.js';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace, USERS } from '../../emulator/workspace.js';
import { productionCopy, startBuilt } from '../helpers/built.js';
import { dropTestDatabase } from '../helpers/db.js';
import { SIGNING_SECRET, testEnv } from '../helpers/harness.js';

let dir: string;
let app: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-socket-start-'));
  app = productionCopy(join(dir, 'app'));
  fake = await new FakeSlack().start();
  seedWorkspace(fake);
});
afterAll(async () => {
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('npm start in Socket Mode connects, answers /healthz and a command, and stops cleanly', async () => {
  const env = testEnv(fake, join(dir, 'socket.sqlite'), {
    SLACK_SOCKET_MODE: 'true',
    SLACK_APP_TOKEN: fake.appToken,
    SUPPORTERS_CHANNEL_ID: 'CSUPPORT',
  });
  const started = startBuilt(app, env);
  const { child, output } = started;
  try {
    // PORT=0: the app says which port it bound in its "running" line.
    const running = await started.running();
    expect(running.mode).toBe('socket');
    expect(fake.socketMode.openConnections).toBe(1);
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(health.status).toBe(200);
    const slack = new SlackToApp(
      fake,
      `http://127.0.0.1:${running.port}/slack/events`,
      SIGNING_SECRET,
      fake.socketMode.appId,
      viaSocketMode(fake.socketMode),
    );
    const reply = await slack.ask(USERS.aiko.id, '/slots', 'help');
    expect(reply.text).toContain('/slots add');
  } finally {
    child.kill('SIGTERM');
  }
  expect(await started.exited, output()).toBe(0);
  expect(output()).toContain('stopped cleanly');
  expect(fake.socketMode.openConnections).toBe(0);
  await dropTestDatabase(env.DATABASE_URL);
});
