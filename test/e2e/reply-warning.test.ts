/**
 * Thread replies (#20 item 3): a reply in the advice channel that looks like personal data (same rules as
 * consultations, names through the analyser) gets its author an ephemeral warning in that thread naming
 * the kind and how to edit or delete it, and the operators a notice with a link and none of the text —
 * once, however often Slack redelivers the event. The reply still counts as an answer.
 */
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, OPERATOR_CHANNEL } from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';
import { eventually } from '../helpers/wait.js';

const s = jobSuite('2026-11-25T10:00:00+09:00');

const consult = async () => {
  await s.joinAll([USERS.aiko.id]);
  await s.h.slack.ask(USERS.aiko.id, '/consult', '12/3 19:00 強みの言語化の問いかけを教えて #HR');
  return s.h.database.db
    .selectFrom('consultations')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
};

/** A person's reply in the thread, as Slack stores it and then sends the event. */
const reply = async (
  c: { channel: string | null; ts: string | null },
  user: string,
  text: string,
  eventId?: string,
) => {
  const sent = await s.h.slack.threadReply(user, c.channel!, c.ts!, text, eventId ? { eventId } : {});
  await s.h.settled();
  return sent;
};

const answers = async (id: number) =>
  (await s.h.database.db.selectFrom('thread_replies').selectAll().where('consultation_id', '=', id).execute())
    .length;

describe('a reply that looks like personal data', () => {
  it('warns its author in the thread and tells the operators with a link, no text; it still counts', async () => {
    const c = await consult();
    const text = '山田太郎さんには 090-1234-5678 に電話してもらっては';
    const { ts } = await reply(c, USERS.ken.id, text);
    const warning = await eventually(() =>
      s.h.fake.state.ephemerals.find((e) => e.user === USERS.ken.id && e.via === 'chat.postEphemeral'),
    );
    expect(warning).toMatchObject({ channel: ADVICE_CHANNEL, threadTs: c.ts });
    expect(warning!.text).toContain('人名が含まれているようです');
    expect(warning!.text).toContain('メッセージを編集する');
    expect(warning!.text).toContain('メッセージを削除する');
    expect(warning!.text).not.toContain('山田');
    const notice = await eventually(() => s.h.fake.state.channelMessages(OPERATOR_CHANNEL)[0]);
    expect(notice!.text).toContain(`<@${USERS.ken.id}>`);
    expect(notice!.text).toContain(
      `https://supporters.slack.test/archives/${ADVICE_CHANNEL}/p${ts.replace('.', '')}`,
    );
    expect(notice!.text).not.toContain('山田');
    expect(notice!.text).not.toContain('090');
    expect(await answers(c.id)).toBe(1);
    // Nobody else was warned, and nothing was posted in the thread itself.
    expect(s.h.fake.state.ephemerals.filter((e) => e.via === 'chat.postEphemeral')).toHaveLength(1);
    expect(
      s.h.fake.state
        .threadMessages(ADVICE_CHANNEL, c.ts!)
        .filter((m) => m.user === 'UBOTDESK' && m.ts !== c.ts),
    ).toHaveLength(0);
  });

  it('warns in the author’s language: an e-mail address, in English', async () => {
    const c = await consult();
    await reply(c, USERS.emma.id, 'Maybe ask them at someone@example.com');
    const warning = await eventually(() => s.h.fake.state.ephemerals.find((e) => e.user === USERS.emma.id));
    expect(warning!.text).toContain('seems to contain personal data (e-mail address)');
    expect(warning!.text).toContain('Edit message');
  });

  it('a redelivered event warns and notifies nobody twice', async () => {
    const c = await consult();
    const first = await reply(c, USERS.ken.id, '田中さんの例では');
    await s.h.slack.event(first.event, { eventId: first.eventId, retryNum: 1 });
    await s.h.settled();
    await eventually(() => s.h.fake.state.channelMessages(OPERATOR_CHANNEL)[0]);
    expect(s.h.fake.state.ephemerals.filter((e) => e.via === 'chat.postEphemeral')).toHaveLength(1);
    expect(s.h.fake.state.channelMessages(OPERATOR_CHANNEL)).toHaveLength(1);
  });

  it('a reply also sent to the channel (thread_broadcast) is checked too', async () => {
    const c = await consult();
    // https://api.slack.com/events/message/thread_broadcast
    await s.h.slack.threadReply(USERS.yui.id, c.channel!, c.ts!, '山田太郎さんの件、私も気になります', {
      subtype: 'thread_broadcast',
    });
    await s.h.settled();
    const warning = await eventually(() => s.h.fake.state.ephemerals.find((e) => e.user === USERS.yui.id));
    expect(warning!.text).toContain('人名');
    expect(await answers(c.id)).toBe(1);
  });

  it('an ordinary reply, aliases and public figures pass without a word', async () => {
    const c = await consult();
    await reply(c, USERS.ken.id, 'Aさんにはクランボルツの計画された偶発性の話をしてみては？');
    expect(await answers(c.id)).toBe(1);
    expect(s.h.fake.state.ephemerals.filter((e) => e.via === 'chat.postEphemeral')).toEqual([]);
    expect(s.h.fake.state.channelMessages(OPERATOR_CHANNEL)).toEqual([]);
  });
});
