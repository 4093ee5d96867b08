/**
 * Cover (代打): `/slots cover <id>` and the booking DM's button post the time and plan (never alias or
 * topic) to the supporters' channel; the first other supporter to click 引き受ける takes the session over
 * (slot, session, consultation; quota follows), both get a DM, the post says who took it; later clicks,
 * the asker's own and withdrawn requests are answered ephemerally; two clicks at once have one winner
 * (this file runs on SQLite and, in the postgres project, on PostgreSQL). "Now" is Wed 2026-11-25 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, SUPPORTERS_CHANNEL, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-25T10:00:00+09:00',
    env: { SUPPORTERS_CHANNEL_ID: SUPPORTERS_CHANNEL },
  });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  for (const t of ['cover_requests', 'sessions', 'consultations', 'slots', 'deliveries'] as const)
    await h.database.db.deleteFrom(t).execute();
  h.fake.reset();
});

const ALIAS = 'Aさん';
const TOPIC = '転職の軸が定まらない';

/** Aiko's booked 90-minute session on 12/3 19:00 with a consultation about it. */
const bookedSession = async () => {
  await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00 90');
  const slot = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} ${ALIAS} 初回 ${TOPIC}`);
  await h.slack.ask(USERS.aiko.id, '/consult', '12/3 19:00 初回 最初の問いかけに迷っています #人事');
  await h.settled();
  h.fake.clearCalls();
  return slot;
};

/** The cover post in the supporters' channel, with the value of its 引き受ける button as first posted. */
const coverPost = async () => {
  const post = await eventually(
    () => h.fake.state.messages.find((m) => m.channel === SUPPORTERS_CHANNEL && m.text.includes('代打')),
    5000,
    'the cover post',
  );
  const value = JSON.stringify(post.blocks).match(/"action_id":"cover_take","value":"(\d+)"/)?.[1];
  if (!value) throw new Error('no 引き受ける button on the post');
  return { ...post, value };
};

const take = (user: string, post: { ts: string; value: string }) =>
  h.slack.blockAction(
    user,
    { actionId: 'cover_take', value: post.value },
    { channel: SUPPORTERS_CHANNEL, messageTs: post.ts },
  );

const ephemeralTo = (user: string, includes: string) =>
  eventually(
    () => h.fake.state.ephemerals.find((e) => e.user === user && e.text.includes(includes)),
    5000,
    `an ephemeral to ${user} saying ${includes}`,
  );

const owners = async (slotId: number) => ({
  slot: (
    await h.database.db
      .selectFrom('slots')
      .select('supporter_id')
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow()
  ).supporter_id,
  session: (
    await h.database.db
      .selectFrom('sessions')
      .select('supporter_id')
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow()
  ).supporter_id,
  consultation: (
    await h.database.db
      .selectFrom('consultations')
      .select('supporter_id')
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow()
  ).supporter_id,
});

describe('cover (代打)', () => {
  it('/slots cover posts the time and plan only, with a 引き受ける button', async () => {
    const slot = await bookedSession();
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `代打 ${slot.id}`);
    expect(reply.text).toContain(
      `枠 #${slot.id}（12/3(木) 19:00–20:30）の代打のお願いを <#${SUPPORTERS_CHANNEL}> に出しました`,
    );
    const post = await coverPost();
    expect(post.text).toContain('12/3(木) 19:00–20:30');
    expect(post.text).toContain('初回');
    const everything = JSON.stringify(post);
    expect(everything).not.toContain(ALIAS);
    expect(everything).not.toContain(TOPIC);
    expect(everything).toContain('"action_id":"cover_take"');
    // A second request for the same session is refused, and stores nothing more.
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`)).text).toContain('もう出ています');
    expect(await h.database.db.selectFrom('cover_requests').selectAll().execute()).toHaveLength(1);
  });

  it('a post Slack refuses stores nothing: the request can be made again', async () => {
    const slot = await bookedSession();
    h.fake.injectFault({
      method: 'chat.postMessage',
      when: (_n, args) => args.channel === SUPPORTERS_CHANNEL,
      times: 1,
      kind: 'error',
      error: 'channel_not_found',
    });
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`)).text).toContain(':warning:');
    expect(await h.database.db.selectFrom('cover_requests').selectAll().execute()).toEqual([]);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`)).text).toContain('代打のお願いを');
    expect(await h.database.db.selectFrom('cover_requests').selectAll().execute()).toHaveLength(1);
  });

  it('the booking DM has a 代打を頼む button that posts the request', async () => {
    await bookedSession();
    const dm = h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes('予約が入りました'))!;
    const value = JSON.stringify(dm.blocks).match(/"action_id":"session_cover","value":"(\d+)"/)?.[1];
    expect(value).toBeDefined();
    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'session_cover', value: value! },
      { channel: dm.channel, messageTs: dm.ts },
    );
    await ephemeralTo(USERS.aiko.id, '代打のお願いを');
    expect((await coverPost()).text).toContain('12/3(木) 19:00–20:30');
    // Someone else pressing that DM's button (value forged) is refused.
    await h.slack.blockAction(
      USERS.ken.id,
      { actionId: 'session_cover', value: value! },
      { channel: 'DKEN' },
    );
    expect(await h.database.db.selectFrom('cover_requests').selectAll().execute()).toHaveLength(1);
  });

  it('the first other supporter takes it over: slot, session, consultation, DMs, the post, the quota', async () => {
    const slot = await bookedSession();
    await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`);
    const post = await coverPost();
    // The asker's own click: told it is theirs; nothing moves.
    await take(USERS.aiko.id, post);
    await ephemeralTo(USERS.aiko.id, 'あなた自身の代打のお願い');
    await take(USERS.ken.id, post);
    await h.settled();
    expect(await owners(slot.id)).toEqual({
      slot: USERS.ken.id,
      session: USERS.ken.id,
      consultation: USERS.ken.id,
    });
    const kenDm = h.fake.state.dmsTo(USERS.ken.id).find((m) => m.text.includes('代打を引き受けました'))!;
    expect(kenDm.text).toContain(ALIAS);
    expect(kenDm.text).toContain(TOPIC);
    expect(JSON.stringify(kenDm.blocks)).toContain('session_ask_peers');
    expect(
      h.fake.state
        .dmsTo(USERS.aiko.id)
        .some((m) =>
          m.text.includes(
            `<@${USERS.ken.id}> さんが 12/3(木) 19:00–20:30 のセッションを引き受けてくれました`,
          ),
        ),
    ).toBe(true);
    const updated = h.fake.callsTo('chat.update').find((c) => c.args.ts === post.ts)!;
    expect(String(updated.args.text)).toContain(`<@${USERS.ken.id}> さんが引き受けてくれました`);
    expect(JSON.stringify(updated.args.blocks)).not.toContain('cover_take');
    // Later clicks: already taken, by whom.
    await take(USERS.yui.id, post);
    expect((await ephemeralTo(USERS.yui.id, 'すでに引き受けて')).text).toContain(`<@${USERS.ken.id}>`);
    expect((await owners(slot.id)).slot).toBe(USERS.ken.id);
    // The quota follows the slot: December counts it for Ken, no longer for Aiko.
    expect((await h.slack.ask(USERS.ken.id, '/slots', 'list 2026-12')).text).toContain(`#${slot.id}`);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'list 2026-12')).text).not.toContain(`#${slot.id}`);
  });

  it('two clicks at once: one winner, the other told it is taken', async () => {
    const slot = await bookedSession();
    await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`);
    const post = await coverPost();
    await Promise.all([take(USERS.ken.id, post), take(USERS.yui.id, post)]);
    await h.settled();
    const { slot: winner } = await owners(slot.id);
    expect([USERS.ken.id, USERS.yui.id]).toContain(winner);
    const loser = winner === USERS.ken.id ? USERS.yui.id : USERS.ken.id;
    await ephemeralTo(loser, 'すでに引き受けて');
    expect(h.fake.state.dmsTo(winner).filter((m) => m.text.includes('代打を引き受けました'))).toHaveLength(1);
    expect(h.fake.state.dmsTo(loser).filter((m) => m.text.includes('代打を引き受けました'))).toHaveLength(0);
    const request = await h.database.db.selectFrom('cover_requests').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'taken', taken_by: winner });
    expect(await owners(slot.id)).toEqual({ slot: winner, session: winner, consultation: winner });
  });

  it('/slots cover cancel withdraws it: the post says so and a later click changes nothing', async () => {
    const slot = await bookedSession();
    await h.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`);
    const post = await coverPost();
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `cover cancel ${slot.id}`);
    expect(reply.text).toContain(`枠 #${slot.id}（12/3(木) 19:00–20:30）の代打のお願いを取り下げました`);
    const updated = h.fake.callsTo('chat.update').find((c) => c.args.ts === post.ts)!;
    expect(String(updated.args.text)).toContain('取り下げられました');
    await take(USERS.ken.id, post);
    await ephemeralTo(USERS.ken.id, '取り下げられたか');
    expect((await owners(slot.id)).slot).toBe(USERS.aiko.id);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `cover cancel ${slot.id}`)).text).toContain(
      '出ている代打のお願いはありません',
    );
    // Only the session's supporter may ask for cover.
    expect((await h.slack.ask(USERS.ken.id, '/slots', `cover ${slot.id}`)).text).toContain(`#${slot.id}`);
    expect(
      await h.database.db.selectFrom('cover_requests').where('status', '=', 'open').selectAll().execute(),
    ).toEqual([]);
  });
});

describe('cover without a supporters channel', () => {
  let h2: Harness;
  beforeAll(async () => {
    h2 = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
  });
  afterAll(async () => {
    await h2?.stop();
  });

  it('says what to do and stores nothing', async () => {
    await h2.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00 90');
    const slot = await h2.database.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    await h2.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} ${ALIAS}`);
    const reply = await h2.slack.ask(USERS.aiko.id, '/slots', `cover ${slot.id}`);
    expect(reply.text).toContain('サポーターのチャンネルがまだ設定されていない');
    expect(reply.text).not.toContain('SUPPORTERS_CHANNEL_ID');
    expect(await h2.database.db.selectFrom('cover_requests').selectAll().execute()).toEqual([]);
  });
});
