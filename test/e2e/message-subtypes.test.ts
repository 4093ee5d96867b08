/**
 * Thread replies as Slack sends them (https://api.slack.com/events/message and its subtype pages): a plain
 * reply, a reply also sent to the channel (thread_broadcast) and a reply with a file (file_share) each
 * count once as an answer; an edit (message_changed), a deletion, another integration's post and a
 * channel join never do. The replies are stored in the emulator, so conversations.replies shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeThreadReply } from '../../emulator/messageEvents.js';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});

const latest = async () =>
  (await h.database.db.selectFrom('consultations').selectAll().orderBy('id', 'desc').executeTakeFirst())!;
const answerers = async (id: number) =>
  (
    await h.database.db
      .selectFrom('thread_replies')
      .select(['user_id', 'message_ts'])
      .where('consultation_id', '=', id)
      .orderBy('message_ts')
      .execute()
  ).map((r) => r.user_id);

describe('every kind of thread reply counts as an answer', () => {
  it('counts plain, thread_broadcast and file_share replies once each; edits, bots and joins never', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/9 19:00 面接練習の進め方を知りたい #面接対策');
    const c = await latest();
    const thread = c.ts!;
    const plain = await h.slack.threadReply(USERS.ken.id, ADVICE_CHANNEL, thread, '模擬面接をしてみては');
    await h.slack.threadReply(USERS.emma.id, ADVICE_CHANNEL, thread, 'Try STAR', {
      subtype: 'thread_broadcast',
    });
    await h.slack.threadReply(USERS.yui.id, ADVICE_CHANNEL, thread, '質問リストです', {
      subtype: 'file_share',
    });
    await h.slack.editMessage(ADVICE_CHANNEL, plain.ts, '模擬面接をしてみては（追記）');
    await h.slack.botMessage('B0OTHER', ADVICE_CHANNEL, 'automated note', thread);
    await h.slack.channelJoin(USERS.ops.id, ADVICE_CHANNEL);
    const last = await h.slack.threadReply(USERS.ops.id, ADVICE_CHANNEL, thread, 'last');
    await eventually(async () => (await answerers(c.id)).includes(USERS.ops.id), 5000, 'the last answer');
    await h.settled();
    expect(await answerers(c.id)).toEqual([USERS.ken.id, USERS.emma.id, USERS.yui.id, USERS.ops.id]);

    // Slack retrying the broadcast's event changes nothing.
    const retried = await h.slack.event(
      {
        type: 'message',
        subtype: 'thread_broadcast',
        channel: ADVICE_CHANNEL,
        user: USERS.emma.id,
        ts: last.ts,
        thread_ts: thread,
      },
      { eventId: last.eventId, retryNum: 1 },
    );
    expect(retried.status).toBe(200);
    await h.settled();
    expect(await answerers(c.id)).toHaveLength(4);
  });

  it('stores the replies in the emulator with their real shapes', async () => {
    const c = await latest();
    const replies = await h.built.app.client.conversations.replies({
      token: h.fake.botToken,
      channel: ADVICE_CHANNEL,
      ts: c.ts!,
    });
    const subtypes = (replies.messages ?? []).map((m) => (m as { subtype?: string }).subtype ?? 'plain');
    expect(subtypes).toEqual(['plain', 'plain', 'thread_broadcast', 'file_share', 'bot_message', 'plain']);
    expect(replies.messages?.[1]).toMatchObject({ edited: { user: USERS.ken.id } });
    expect(replies.messages?.[3]).toMatchObject({ upload: true, files: [{ name: 'notes.txt' }] });
    // A broadcast reply is in the channel's history too; a plain one is not.
    const history = await h.built.app.client.conversations.history({
      token: h.fake.botToken,
      channel: ADVICE_CHANNEL,
    });
    expect((history.messages ?? []).map((m) => m.subtype ?? 'plain')).toEqual(
      expect.arrayContaining(['thread_broadcast', 'channel_join']),
    );
    expect((history.messages ?? []).some((m) => m.text === '模擬面接をしてみては（追記）')).toBe(false);
  });
});

describe('only the events Slack would send (manifest bot_events, the bot in the conversation)', () => {
  it('refuses a test event the app would never get, and names why', async () => {
    const dm = h.fake.state.imWith(USERS.ken.id).id;
    await expect(
      h.slack.event({
        type: 'message',
        channel: dm,
        channel_type: 'im',
        user: USERS.ken.id,
        text: 'hi',
        ts: '1.1',
      }),
    ).rejects.toThrow(/does not subscribe to message\.im/);
    await expect(
      h.slack.event({ type: 'message', channel: 'CGENERAL', user: USERS.ken.id, text: 'hi', ts: '1.2' }),
    ).rejects.toThrow(/bot is not a member of CGENERAL/);
    await expect(
      h.slack.event({
        type: 'message',
        channel: 'GPRIVADV',
        channel_type: 'channel',
        user: USERS.ken.id,
        ts: '1.3',
      }),
    ).rejects.toThrow(/channel_type channel for GPRIVADV, which is a group/);
    await expect(h.slack.event({ type: 'reaction_added', user: USERS.ken.id })).rejects.toThrow(
      /does not subscribe to reaction_added/,
    );
  });

  it('builds a private channel reply with channel_type group (message.groups), a public one with channel', () => {
    const root = h.fake.state.nextTs();
    h.fake.state.messages.push({ channel: 'GPRIVADV', ts: root, user: USERS.aiko.id, text: 'root' });
    expect(storeThreadReply(h.fake.state, USERS.ken.id, 'GPRIVADV', root, 'reply')).toMatchObject({
      channel_type: 'group',
      thread_ts: root,
    });
    expect(storeThreadReply(h.fake.state, USERS.ken.id, ADVICE_CHANNEL, root, 'reply')).toMatchObject({
      channel_type: 'channel',
    });
  });
});
