import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('the running app', () => {
  it('answers /healthz with ok while the database answers', async () => {
    const res = await fetch(h.slack.appUrl.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /slots help in Japanese for a Japanese Slack user', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'help');
    expect(reply.text).toContain('相談枠の登録と確認');
    expect(reply.text).toContain('/slots add 12/3 19:00');
  });

  it('answers /slots help in English for an English Slack user', async () => {
    const reply = await h.slack.ask(USERS.emma.id, '/slots', 'help');
    expect(reply.text).toContain('register and check your consultation slots');
  });

  it('answers /consult ヘルプ and /supporter help with their usage', async () => {
    expect((await h.slack.ask(USERS.aiko.id, '/consult', 'ヘルプ')).text).toContain('サポーター仲間へ相談');
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'help')).text).toContain('サポーター登録と設定');
  });

  it('acks a command or a button it has no handler for at once, and logs the command', async () => {
    const command = await h.slack.command(USERS.aiko.id, '/nope', 'anything');
    expect(command.status).toBe(200);
    const button = await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'no_such_button' },
      { channel: 'CGENERAL' },
    );
    expect(button.status).toBe(200);
    expect(h.logs.join('')).toContain('no handler for this command');
    expect(
      h.fake.state.ephemerals.filter((e) => e.user === USERS.aiko.id && e.text.includes('nope')),
    ).toEqual([]);
  });

  it('names an unknown subcommand in the reply', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'dance');
    expect(reply.text).toContain('`/slots dance` は分かりませんでした');
  });

  it('rejects a request with a wrong signature with 401 and answers nothing', async () => {
    const before = h.fake.state.ephemerals.length;
    const res = await h.slack.command(USERS.aiko.id, '/slots', 'help', { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.state.ephemerals.length).toBe(before);
  });

  it('rejects a request signed more than 5 minutes ago with 401', async () => {
    const res = await h.slack.command(USERS.aiko.id, '/slots', 'help', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('rejects a request signed more than 5 minutes in the future with 401', async () => {
    const res = await h.slack.command(USERS.aiko.id, '/slots', 'help', {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('rejects a replayed request (same signature and timestamp) with 401 and answers only once', async () => {
    const responseUrl = h.fake.newResponseUrl('CGENERAL', USERS.aiko.id);
    const body = new URLSearchParams({
      command: '/slots',
      text: 'help',
      user_id: USERS.aiko.id,
      channel_id: 'CGENERAL',
      team_id: 'T0SUPPORT',
      response_url: responseUrl,
      trigger_id: '1.UAIKO.t',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const before = h.fake.state.ephemerals.length;
    const first = await h.slack.post(body, 'application/x-www-form-urlencoded', { timestamp });
    const replay = await h.slack.post(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    await h.fake.waitFor(() => h.fake.state.ephemerals.length > before, 3000, 'the answer');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.state.ephemerals.length).toBe(before + 1);
  });

  it('never logs the signing secret, the token or a rejected body', async () => {
    await h.slack.command(USERS.aiko.id, '/slots', 'add secret-text-entry', { signature: 'v0=bad' });
    const log = h.logs.join('');
    expect(log).toContain('bad signature');
    expect(log).not.toContain('secret-text-entry');
    expect(log).not.toContain(h.config.slack.signingSecret);
    expect(log).not.toContain(h.config.slack.botToken);
  });

  it('rejects an unsigned request with 401', async () => {
    const res = await h.slack.command(USERS.aiko.id, '/slots', 'help', { signature: null });
    expect(res.status).toBe(401);
  });
});

describe('/healthz when the database does not answer', () => {
  it('answers 503 and says why', async () => {
    const broken = await startHarness();
    try {
      await broken.database.close();
      const res = await fetch(broken.slack.appUrl.replace('/slack/events', '/healthz'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database' });
    } finally {
      await broken.stop();
    }
  });
});
