/**
 * Socket Mode for real: the app started with SLACK_SOCKET_MODE=true opens its link with the fake's
 * apps.connections.open and takes slash commands, events, buttons and modal submissions as envelopes
 * over the WebSocket, acking each (a modal's field errors travel in the ack's payload). Slack's
 * refresh_requested disconnect → the app reconnects with a new URL and keeps working; /healthz still
 * answers on PORT; a wrong app-level token stops the start with a message that says what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
let port: number | undefined;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00', transport: 'socket' });
  port = Number(new URL(h.slack.appUrl).port);
});
afterAll(async () => {
  await h?.stop();
});

const latestConsultation = async () =>
  (await h.database.db.selectFrom('consultations').selectAll().orderBy('id').execute()).at(-1)!;

describe('the Socket Mode link', () => {
  it('is opened with the app-level token at SLACK_API_URL and greeted with hello', () => {
    const opens = h.fake.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opens.map((c) => c.ok)).toEqual([true]);
    expect(h.fake.socketMode.openConnections).toBe(1);
  });

  it('still serves /healthz on PORT', async () => {
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('the core flows, over the WebSocket', () => {
  it('a slash command is acked and the user sees its reply', async () => {
    const before = h.fake.socketMode.sent.length;
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
    expect(reply.text).toContain('1枠を追加しました');
    expect(reply.text).toContain('12/3(木) 19:00–20:00');
    const envelope = h.fake.socketMode.sent.slice(before).find((e) => e.type === 'slash_commands')!;
    expect(envelope.payload).toMatchObject({
      command: '/slots',
      text: 'add 12/3 19:00',
      user_id: USERS.aiko.id,
    });
    expect(h.fake.socketMode.acks.map((a) => a.envelope_id)).toContain(envelope.envelope_id);
  });

  it('an event: app_home_opened publishes the Home tab', async () => {
    h.fake.state.homes.clear();
    const res = await h.slack.event({
      type: 'app_home_opened',
      user: USERS.aiko.id,
      channel: 'DAIKO',
      tab: 'home',
    });
    expect(res.status).toBe(200);
    const home = await h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 5000, 'views.publish');
    expect(JSON.stringify(home)).toContain('12月: 1枠 / 5枠 — あと4枠');
  });

  it('an event: a thread reply counts as an answer', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/8 19:00 キャリアの棚卸しの問いかけ #人事');
    const c = await latestConsultation();
    const sent = await h.slack.threadReply(USERS.ken.id, c.channel!, c.ts!, 'こう聞いてみては？');
    expect(sent.status).toBe(200);
    await eventually(
      async () =>
        (
          await h.database.db
            .selectFrom('thread_replies')
            .selectAll()
            .where('consultation_id', '=', c.id)
            .execute()
        ).length === 1,
      5000,
      'the answer recorded',
    );
  });

  it('a button click resolves a consultation and updates its post', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/9 19:00 ブランクのある方の自己PR #人事');
    const c = await latestConsultation();
    const res = await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'resolve_consultation', value: String(c.id) },
      { channel: ADVICE_CHANNEL, messageTs: c.ts! },
    );
    expect(res.status).toBe(200);
    await h.fake.waitFor(
      () => h.fake.callsTo('chat.update').find((u) => u.args.ts === c.ts),
      5000,
      'chat.update',
    );
    expect(JSON.stringify(h.fake.state.findMessage(ADVICE_CHANNEL, c.ts!)!.blocks)).toContain('解決済み');
    expect((await latestConsultation()).status).toBe('resolved');
  });

  it('a modal submission with a bad entry gets its field error back in the ack payload', async () => {
    const before = h.fake.socketMode.acks.length;
    const res = await h.slack.viewSubmission(
      USERS.aiko.id,
      { callbackId: 'slots_add_modal', privateMetadata: JSON.stringify({}) },
      {
        slots_month: { month: { type: 'static_select', selected_option: { value: '2026-12' } } },
        slots_entries: { entries: { type: 'plain_text_input', value: '3日 19:00\n12日 25:00' } },
      },
    );
    expect(res.status).toBe(200);
    const expected = {
      response_action: 'errors',
      errors: { slots_entries: expect.stringContaining('「12日 25:00」の時刻が正しくありません') },
    };
    expect(res.json).toEqual(expected);
    // What travelled on the wire: the ack `{envelope_id, payload}` carried the response.
    expect(h.fake.socketMode.acks.slice(before).map((a) => a.payload)).toEqual([expected]);
  });
});

describe('Slack recycling the link', () => {
  it('after refresh_requested the app opens a new link (a new URL) and keeps answering', async () => {
    const opensBefore = h.fake.callsTo('apps.connections.open').length;
    h.fake.socketMode.disconnect('refresh_requested');
    await h.fake.socketMode.waitFor(
      () =>
        h.fake.callsTo('apps.connections.open').length > opensBefore &&
        h.fake.socketMode.openConnections === 1,
      20_000,
      'the app to reconnect',
    );
    expect(h.fake.socketMode.connectionsOpened).toBe(2);
    const reply = await h.slack.ask(USERS.emma.id, '/slots', 'help');
    expect(reply.text).toContain('register and check your consultation slots');
  });
});

describe('a wrong app-level token', () => {
  it('stops the start with a message naming the token to fix', async () => {
    await expect(
      startHarness({ transport: 'socket', env: { SLACK_APP_TOKEN: 'xapp-1-A0DESK-1-revoked' } }),
    ).rejects.toThrow(/Socket Mode connection \(invalid_auth\).*SLACK_APP_TOKEN.*connections:write/);
  });
});
