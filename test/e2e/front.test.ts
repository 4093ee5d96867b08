/**
 * The HTTP front (src/slack/front): Slack's requests are acked on a thread of their own, so an ack never
 * waits for the app's main thread — its event loop may be busy with earlier commands' work, or in a GC
 * pause. Here the main thread is blocked outright (Atomics.wait) while a request is sent from another
 * thread: the ack must still arrive, and once the main thread is free the command is carried out.
 */
import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Send, SlackToApp } from '../../emulator/deliver.js';
import { USERS } from '../../emulator/workspace.js';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { onPostgres } from '../helpers/db.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

// Sends each request it is given, then wakes the blocked main thread: shared[0] = 1 once answered,
// shared[1] = the HTTP status.
const SENDER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, init, shared }) => {
  const cells = new Int32Array(shared);
  try {
    const res = await fetch(url, init);
    Atomics.store(cells, 1, res.status);
  } catch {
    Atomics.store(cells, 1, -1);
  }
  Atomics.store(cells, 0, 1);
  Atomics.notify(cells, 0);
});
parentPort.postMessage('ready');
`;

const BLOCK_MS = 10_000;

let h: Harness;
let sender: Worker;
/** Sends from the sender thread while this thread is blocked; what the app answered meanwhile. */
const sendWhileBlocked: Send = async (url, init) => {
  const shared = new SharedArrayBuffer(8);
  const cells = new Int32Array(shared);
  sender.postMessage({ url, init, shared });
  Atomics.wait(cells, 0, 0, BLOCK_MS); // the app's main thread can do nothing meanwhile
  const answered = Atomics.load(cells, 0) === 1; // (it may have been answered before the wait began)
  return { status: answered ? Atomics.load(cells, 1) : 0, text: '' };
};

beforeAll(async () => {
  h = await startHarness();
  sender = new Worker(SENDER, { eval: true });
  await new Promise((resolve) => sender.once('message', resolve));
});
afterAll(async () => {
  await sender?.terminate();
  await h?.stop();
});

describe('the HTTP front', () => {
  it('acks a slash command while the main thread is blocked, then answers it', async () => {
    const blocked = new SlackToApp(h.fake, h.slack.appUrl, SIGNING_SECRET, 'A0DESK', sendWhileBlocked);
    const before = h.fake.state.ephemerals.length;
    const sent = await blocked.command(USERS.aiko.id, '/slots', 'help');
    expect(sent.status).toBe(200); // 0 would mean no ack came within 10 s
    const reply = await h.fake.waitFor(
      () => h.fake.state.ephemerals.slice(before).find((e) => e.via === 'response_url'),
      5000,
      'the reply to /slots help',
    );
    expect(reply.text).toContain('相談枠の登録と確認');
  });

  it('acks an Events API callback while the main thread is blocked', async () => {
    const blocked = new SlackToApp(h.fake, h.slack.appUrl, SIGNING_SECRET, 'A0DESK', sendWhileBlocked);
    h.fake.state.homes.delete(USERS.aiko.id);
    const sent = await blocked.event({ type: 'app_home_opened', user: USERS.aiko.id, tab: 'home' });
    expect(sent.status).toBe(200);
    await h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 5000, 'the Home tab published');
  });

  it('still refuses a bad signature, and logs it on the main thread', async () => {
    const res = await h.slack.command(USERS.aiko.id, '/slots', 'list', { signature: 'v0=00' });
    expect(res.status).toBe(401);
    const line = await eventually(
      () => h.logs.find((l) => l.includes('bad signature')),
      2000,
      'the rejection in the log',
    );
    expect(line).toContain('rejected a request to the Slack endpoint');
    expect(line).not.toContain('/slots');
  });

  it('answers a request whose target is no URL with 400, and keeps running', async () => {
    const port = Number(new URL(h.slack.appUrl).port);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.once('data', (d) => {
        resolve(String(d).split('\r\n')[0] ?? '');
        socket.destroy();
      });
      socket.once('error', reject);
      socket.once('close', () => resolve('(connection closed without an answer)'));
    });
    expect(status).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(h.slack.appUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠');
  });

  it('fails to start, with the reason, when its port is taken', async () => {
    const port = Number(new URL(h.slack.appUrl).port);
    const second = buildApp({
      config: { ...h.config, port },
      database: h.database,
      logger: createLogger('silent'),
      clock: h.now,
    });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    await second.stop(100);
  });
});

describe('what the HTTP front passes through to Bolt', () => {
  it('answers Slack’s URL verification with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' });
    const res = await h.slack.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toContain('challenge-123');
  });

  it('answers an SSL check, and runs no command for it', async () => {
    const before = h.fake.state.ephemerals.length;
    const res = await h.slack.post(
      new URLSearchParams({ ssl_check: '1', command: '/slots', text: 'help' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.state.ephemerals.length).toBe(before);
  });
});

describe.skipIf(!onPostgres())('the replay check instances share (PostgreSQL)', () => {
  const recorded = async () =>
    Number(
      (
        await h.database.db
          .selectFrom('seen_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records every request it takes', async () => {
    const before = await recorded();
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠');
    expect(await recorded()).toBe(before + 1);
  });

  it('lets requests through when it cannot record them, and says so in the log', async () => {
    await sql`alter table seen_requests rename to seen_requests_gone`.execute(h.database.db);
    try {
      expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠');
      const line = await eventually(
        () => h.logs.find((l) => l.includes('shared replay check failed')),
        2000,
        'the failed check in the log',
      );
      expect(line).toContain('seen_requests');
    } finally {
      await sql`alter table seen_requests_gone rename to seen_requests`.execute(h.database.db);
    }
  });
});
