/**
 * Slack's requests as Bolt's HTTPReceiver takes them (src/slack/receiver.ts), with our rules in front
 * (src/slack/requestGuard.ts): what reaches Bolt, what never does, and the replay ledger the instances
 * share (`seen_requests`, on both databases).
 */
import { connect } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../emulator/deliver.js';
import { USERS } from '../../emulator/workspace.js';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const rawStatus = (request: string) => {
  const port = Number(new URL(h.slack.appUrl).port);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.once('data', (d) => {
      resolve(String(d).split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.once('error', reject);
    socket.once('close', () => resolve('(connection closed without an answer)'));
  });
};

describe('requests to the Slack endpoint', () => {
  it('refuses a bad signature with 401, logging why without the body', async () => {
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

  it('refuses an unsigned request to the endpoint whatever its query string', async () => {
    const before = h.fake.state.ephemerals.length;
    const res = await fetch(`${h.slack.appUrl}?retry=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ command: '/slots', text: 'help', user_id: USERS.aiko.id }).toString(),
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200)); // an answer, had the command run, would be here by now
    expect(h.fake.state.ephemerals.length).toBe(before);
  });

  it('refuses a body over 1 MB with 413 before looking at it', async () => {
    const body = `command=%2Fslots&text=${'x'.repeat(1024 * 1024)}`;
    const res = await h.slack.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
  });

  it('answers a request whose target is no URL with 400, and keeps running', async () => {
    expect(await rawStatus('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(h.slack.appUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠');
  });

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

  it('fails to start, with the reason, when its port is taken', async () => {
    const port = Number(new URL(h.slack.appUrl).port);
    const second = buildApp({
      config: { ...h.config, port },
      database: h.database,
      logger: createLogger('silent'),
      clock: h.now,
    });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    await second.stop(100).catch(() => {});
  });
});

describe('the replay ledger (seen_requests)', () => {
  const recorded = async () =>
    Number(
      (
        await h.database.db
          .selectFrom('seen_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records every request it takes, and none it refuses', async () => {
    const before = await recorded();
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠');
    expect(await recorded()).toBe(before + 1);
    await h.slack.command(USERS.aiko.id, '/slots', 'help', { signature: 'v0=bad' });
    await h.slack.command(USERS.aiko.id, '/slots', 'help', {
      timestamp: Math.floor(Date.now() / 1000) + 301,
    });
    expect(await recorded()).toBe(before + 1);
  });

  it('refuses a request whose signature another instance or an earlier run recorded', async () => {
    const body = new URLSearchParams({ command: '/slots', text: 'help', user_id: USERS.aiko.id }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    // As if an earlier process (or another instance) had taken it.
    await h.database.db
      .insertInto('seen_requests')
      .values({ signature: signRequest(SIGNING_SECRET, timestamp, body), expires_at: timestamp + 300 })
      .execute();
    const res = await h.slack.post(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(res.status).toBe(401);
    expect(h.logs.join('')).toContain('replayed request');
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
