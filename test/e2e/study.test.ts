/**
 * /study (勉強会) end to end: signed slash commands, RSVP clicks and modal submissions against the real app
 * and the fake Slack; assertions on the posts, updates, ephemerals and DMs the fake recorded.
 * "Now" is Wed 2026-11-25 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAM_ID } from '../../emulator/state.js';
import { USERS } from '../../emulator/workspace.js';
import type { StudySession } from '../../src/db/schema.js';
import { type Harness, OPERATOR } from '../helpers/harness.js';
import { clickRsvp, STUDY, startStudyHarness } from '../helpers/study.js';

let h: Harness;
beforeAll(async () => {
  h = await startStudyHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.fake.clearFaults();
});

const sessions = () => h.database.db.selectFrom('study_sessions').selectAll().orderBy('id').execute();
const latest = async () => (await sessions()).at(-1)!;
const rsvps = (id: number) =>
  h.database.db
    .selectFrom('study_rsvps')
    .selectAll()
    .where('session_id', '=', id)
    .orderBy('position')
    .execute();

const add = async (user: string, text: string) => {
  const reply = await h.slack.ask(user, '/study', `add ${text}`);
  return { reply, session: await latest() };
};
const postOf = (s: StudySession) => h.fake.state.findMessage(STUDY, s.ts!)!;
const shown = (s: StudySession) => JSON.stringify(postOf(s).blocks);
const waitPost = (s: StudySession, text: string) =>
  h.fake.waitFor(() => shown(s).includes(text), 5000, `the post to show ${text}`);
const ephemeralsOf = (user: string, since: number) =>
  h.fake.state.ephemerals.slice(since).filter((e) => e.user === user);
const waitEphemeral = (user: string, since: number, n = 1) =>
  h.fake.waitFor(
    () => {
      const found = ephemeralsOf(user, since);
      return found.length >= n ? found : undefined;
    },
    5000,
    `${n} ephemeral(s) to ${user}`,
  );
const updatesOf = (s: StudySession) => h.fake.callsTo('chat.update').filter((c) => c.args.ts === s.ts);

/** Clicks an RSVP button on the post and waits for the clicker's ephemeral answer. */
const click = (user: string, s: StudySession, answer: 'going' | 'not_going' | 'maybe') =>
  clickRsvp(h, user, s, answer);

/** The exact block_actions payload Slack sends for a click, so a test can send it more than once. */
const clickPayload = (user: string, s: StudySession, answer: string) => ({
  type: 'block_actions',
  team: { id: TEAM_ID, domain: 'supporters' },
  user: { id: user, username: user, team_id: TEAM_ID },
  api_app_id: 'A0DESK',
  trigger_id: `1.${user}.trigger`,
  container: { type: 'message', message_ts: s.ts, channel_id: STUDY, is_ephemeral: false },
  channel: { id: STUDY, name: 'supporters' },
  message: { ts: s.ts, text: postOf(s).text, blocks: postOf(s).blocks },
  actions: [
    {
      type: 'button',
      action_id: `study_rsvp_${answer}`,
      block_id: `study_${s.id}`,
      value: String(s.id),
      action_ts: '1764032400.000001',
    },
  ],
});

describe('/study add and list', () => {
  it('explains itself (help, ヘルプ) and names an unknown subcommand', async () => {
    for (const text of ['help', 'ヘルプ']) {
      const reply = await h.slack.ask(USERS.aiko.id, '/study', text);
      expect(reply.text).toContain('/study add 12/10 20:00 90 採用市場の最新動向 #採用');
      expect(reply.text).toContain('`/study cancel <id>`（中止）');
    }
    expect((await h.slack.ask(USERS.emma.id, '/study', 'help')).text).toContain('study sessions among');
    expect((await h.slack.ask(USERS.aiko.id, '/study', '勉強会')).text).toContain(
      '`/study 勉強会` は分かりませんでした',
    );
  });

  it('announces a session in the study channel with RSVP buttons and confirms with a link', async () => {
    const { reply, session: s } = await add(USERS.aiko.id, '12/10 20:00 90 採用市場の最新動向 #採用');
    expect(reply.text).toContain(`勉強会 #${s.id}「採用市場の最新動向」（12/10(木) 20:00–21:30）`);
    expect(reply.text).toContain(`https://supporters.slack.test/archives/${STUDY}/p`);
    expect(s).toMatchObject({
      host_id: USERS.aiko.id,
      title: '採用市場の最新動向',
      start_at: '2026-12-10T11:00:00.000Z',
      end_at: '2026-12-10T12:30:00.000Z',
      minutes: 90,
      capacity: null,
      status: 'scheduled',
      channel: STUDY,
      tags: '["採用"]',
    });
    const text = shown(s);
    expect(text).toContain(`勉強会 #${s.id} ・ 12/10(木) 20:00–21:30`);
    expect(text).toContain('*採用市場の最新動向*');
    expect(text).toContain(`ホスト: <@${USERS.aiko.id}>`);
    expect(text).toContain('テーマ: #採用');
    expect(text).toContain('*参加 0* ・ キャンセル待ち 0 ・ 未定 0 ・ 不参加 0');
    for (const id of ['study_rsvp_going', 'study_rsvp_not_going', 'study_rsvp_maybe']) {
      expect(text).toContain(`"action_id":"${id}"`);
    }
  });

  it.each([
    ['2026-11-20 19:00 過去の勉強会', 'すでに過ぎた日時です'],
    ['12/10 20:00', 'タイトルがありません'],
    ['そのうち勉強会', '勉強会の日時として読めませんでした'],
    ['12/10 20:00 300 長い勉強会', '15〜240分'],
    ['', '日時とタイトルを書いてください'],
  ])('names what is wrong and stores and posts nothing: "%s"', async (text, expected) => {
    const before = (await sessions()).length;
    const posts = h.fake.state.channelMessages(STUDY).length;
    const reply = await h.slack.ask(USERS.aiko.id, '/study', `追加 ${text}`);
    expect(reply.text).toContain(expected);
    expect((await sessions()).length).toBe(before);
    expect(h.fake.state.channelMessages(STUDY).length).toBe(posts);
  });

  it('stores nothing when the post to Slack fails', async () => {
    const before = (await sessions()).length;
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'internal_error' });
    const reply = await h.slack.ask(USERS.ken.id, '/study', 'add 12/11 20:00 失敗する勉強会');
    expect(reply.text).toContain('エラーが起きました');
    expect((await sessions()).length).toBe(before);
  });

  it('lists upcoming sessions with id, date, title, host, counts and one’s own answer (一覧)', async () => {
    const { session: s } = await add(USERS.ken.id, '12/12 19:00 派遣の最新事情 定員5 #派遣');
    await click(USERS.yui.id, s, 'going');
    const reply = await h.slack.ask(USERS.yui.id, '/study', '一覧');
    expect(reply.text).toContain('これからの勉強会');
    expect(reply.text).toContain(
      `\`#${s.id}\` 12/12(土) 19:00–20:00 *派遣の最新事情* — ホスト <@${USERS.ken.id}> ・ 参加 1（定員 5） ・ 未定 0 ・ あなた: 参加`,
    );
    const other = await h.slack.ask(USERS.emma.id, '/study', 'list');
    expect(other.text).toContain('Upcoming study sessions');
    expect(other.text).toContain(`going 1 of 5`);
  });
});

describe('/study cancel', () => {
  it('only the host or an operator may cancel; others get a clear error and nothing changes', async () => {
    const { session: s } = await add(USERS.aiko.id, '12/14 20:00 面接対策の勉強会 #面接対策');
    const denied = await h.slack.ask(USERS.ken.id, '/study', `cancel ${s.id}`);
    expect(denied.text).toContain(`勉強会 #${s.id} を変更できるのは、ホストと運営メンバーだけです`);
    expect((await latest()).status).toBe('scheduled');
    const { session: other } = await add(USERS.ken.id, '12/15 20:00 職務経歴書の添削会');
    const byOperator = await h.slack.ask(OPERATOR, '/study', `中止 #${other.id}`);
    expect(byOperator.text).toContain(`勉強会 #${other.id}「職務経歴書の添削会」を中止にしました`);
    const missing = await h.slack.ask(USERS.aiko.id, '/study', 'cancel 99999');
    expect(missing.text).toContain('#99999 は見つかりませんでした');
  });

  it('updates the post (中止), DMs everyone going once, and refuses answers afterwards', async () => {
    const { session: s } = await add(USERS.aiko.id, '12/16 20:00 キャリア理論の読書会');
    await click(USERS.ken.id, s, 'going');
    await click(USERS.emma.id, s, 'going');
    await click(USERS.yui.id, s, 'maybe');
    const reply = await h.slack.ask(USERS.aiko.id, '/study', `cancel ${s.id}`);
    expect(reply.text).toContain('参加予定の2人にDMでお知らせします');
    await waitPost(s, '【中止】');
    expect(shown(s)).toContain('この勉強会は中止になりました');
    expect(shown(s)).not.toContain('study_rsvp_going');
    const dm = (user: string) =>
      h.fake.state.dmsTo(user).filter((m) => m.text.includes(`#${s.id}`) && /中止|cancelled/.test(m.text));
    await h.fake.waitFor(() => dm(USERS.ken.id).length && dm(USERS.emma.id).length, 5000, 'cancellation DMs');
    expect(dm(USERS.ken.id)[0]!.text).toContain(
      `勉強会 #${s.id}「キャリア理論の読書会」（12/16(水) 20:00–21:00）は中止`,
    );
    expect(dm(USERS.emma.id)[0]!.text).toContain('is cancelled');
    expect(dm(USERS.yui.id)).toEqual([]);
    expect(dm(USERS.aiko.id)).toEqual([]);
    const again = await h.slack.ask(USERS.aiko.id, '/study', `cancel ${s.id}`);
    expect(again.text).toContain('すでに中止');
    expect(await click(USERS.yui.id, s, 'going')).toContain('中止になったため');
    expect(dm(USERS.ken.id)).toHaveLength(1);
  });
});

describe('RSVP buttons', () => {
  it('are idempotent per person under a concurrent double click and a Slack retry', async () => {
    const { session: s } = await add(USERS.aiko.id, '12/17 20:00 転職市場の情報交換');
    const since = h.fake.state.ephemerals.length;
    const body = clickPayload(USERS.ken.id, s, 'going');
    const t = Math.floor(Date.now() / 1000);
    const [a, b] = await Promise.all([
      h.slack.interactive(body, { timestamp: t }),
      h.slack.interactive(body, {
        timestamp: t - 1,
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const answers = (await waitEphemeral(USERS.ken.id, since, 2)).map((e) => e.text);
    expect(answers.filter((t) => t.includes('「参加」で登録しました'))).toHaveLength(1);
    expect(answers.filter((t) => t.includes('すでに「参加」で登録済みです'))).toHaveLength(1);
    await waitPost(s, '*参加 1*');
    expect(await rsvps(s.id)).toMatchObject([{ user_id: USERS.ken.id, answer: 'going', waitlisted: 0 }]);
    // The same click again, later: nothing changes and the post is not touched again.
    expect(await click(USERS.ken.id, s, 'going')).toContain('すでに「参加」で登録済みです');
    await new Promise((r) => setTimeout(r, 300));
    expect(updatesOf(s)).toHaveLength(1);
    expect(await rsvps(s.id)).toHaveLength(1);
  });

  it('switching updates the one row and the counts on the post', async () => {
    const { session: s } = await add(USERS.aiko.id, '12/18 20:00 人事評価制度の勉強会');
    expect(await click(USERS.ken.id, s, 'maybe')).toContain('「未定」にしました');
    await waitPost(s, '未定 1');
    expect(await click(USERS.ken.id, s, 'not_going')).toContain('「不参加」にしました');
    await waitPost(s, '*参加 0* ・ キャンセル待ち 0 ・ 未定 0 ・ 不参加 1');
    expect(await click(USERS.ken.id, s, 'going')).toContain('「参加」で登録しました');
    await waitPost(s, '*参加 1* ・ キャンセル待ち 0 ・ 未定 0 ・ 不参加 0');
    expect(shown(s)).toContain(`参加: <@${USERS.ken.id}>`);
    expect(await rsvps(s.id)).toHaveLength(1);
  });

  it('answers a click on an unknown session with an error and changes nothing', async () => {
    const since = h.fake.state.ephemerals.length;
    await h.slack.blockAction(
      USERS.ken.id,
      { actionId: 'study_rsvp_going', value: '424242' },
      { channel: STUDY, messageTs: (await latest()).ts! },
    );
    expect((await waitEphemeral(USERS.ken.id, since))[0]!.text).toContain('#424242 は見つかりませんでした');
  });
});

describe('capacity and the waiting list', () => {
  it('fills seats in join order, moves the waiting list up in order and tells who moved up', async () => {
    const { session: s } = await add(USERS.aiko.id, '12/19 20:00 60 少人数の模擬面談 定員2');
    expect(s.capacity).toBe(2);
    await waitPost(s, '*参加 0（定員 2）*');
    expect(await click(USERS.ken.id, s, 'going')).toContain('「参加」で登録しました');
    expect(await click(USERS.emma.id, s, 'going')).toContain('You are *going*');
    expect(await click(USERS.yui.id, s, 'going')).toContain('キャンセル待ち（1番目）に登録');
    expect(await click(OPERATOR, s, 'going')).toContain('キャンセル待ち（2番目）に登録');
    await waitPost(s, '*参加 2（定員 2）* ・ キャンセル待ち 2');
    expect(shown(s)).toContain(`キャンセル待ち: <@${USERS.yui.id}> <@${OPERATOR}>`);

    // A seated person switches away: the first waiting person (yui) moves up and is told by DM.
    await click(USERS.ken.id, s, 'not_going');
    await waitPost(s, '*参加 2（定員 2）* ・ キャンセル待ち 1');
    const promoted = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.yui.id).find((m) => m.text.includes('繰り上がりました')),
      5000,
      'the move-up DM',
    );
    expect(promoted.text).toContain(`勉強会 #${s.id}「少人数の模擬面談」`);
    expect(shown(s)).toContain(`参加: <@${USERS.emma.id}> <@${USERS.yui.id}>`);

    // Someone else may not cancel a spot; the host may: the next waiting person (ops) moves up.
    const denied = await h.slack.ask(USERS.ken.id, '/study', `remove ${s.id} <@${USERS.emma.id}>`);
    expect(denied.text).toContain('ホストと運営メンバーだけ');
    const removed = await h.slack.ask(USERS.aiko.id, '/study', `外す ${s.id} <@${USERS.emma.id}|emma>`);
    expect(removed.text).toContain(`<@${USERS.emma.id}> さんの参加枠を取り消しました`);
    await waitPost(s, '*参加 2（定員 2）* ・ キャンセル待ち 0 ・ 未定 0 ・ 不参加 2');
    await h.fake.waitFor(
      () => h.fake.state.dmsTo(OPERATOR).find((m) => m.text.includes('繰り上がりました')),
      5000,
      'the second move-up DM',
    );
    await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.emma.id).find((m) => m.text.includes('was cancelled by the host')),
      5000,
      'the removal DM',
    );
    expect(await rsvps(s.id)).toMatchObject([
      { user_id: USERS.ken.id, answer: 'not_going' },
      { user_id: USERS.emma.id, answer: 'not_going' },
      { user_id: USERS.yui.id, answer: 'going', waitlisted: 0 },
      { user_id: OPERATOR, answer: 'going', waitlisted: 0 },
    ]);
    // ken comes back: he joins at the end of the waiting list.
    expect(await click(USERS.ken.id, s, 'going')).toContain('キャンセル待ち（1番目）に登録');
    expect(h.fake.state.dmsTo(USERS.yui.id).filter((m) => m.text.includes('繰り上がりました'))).toHaveLength(
      1,
    );
  });
});

describe('the Home tab', () => {
  it('shows upcoming study sessions with one’s own answer', async () => {
    const { session: s } = await add(USERS.ken.id, '11/30 20:00 Home に出る勉強会');
    await click(USERS.yui.id, s, 'maybe');
    await h.settled(); // the click's own Home refresh is out before the tab is opened
    h.fake.state.homes.delete(USERS.yui.id);
    await h.slack.event({ type: 'app_home_opened', user: USERS.yui.id, channel: 'DYUI', tab: 'home' });
    const home = await h.fake.waitFor(
      () => {
        const view = h.fake.state.homes.get(USERS.yui.id);
        return view && JSON.stringify(view).includes('Home に出る勉強会') ? JSON.stringify(view) : undefined;
      },
      5000,
      'the Home tab',
    );
    expect(home).toContain('これからの勉強会');
    expect(home).toContain(`\`#${s.id}\` 11/30(月) 20:00–21:00 *Home に出る勉強会* — 参加 0 ・ あなた: 未定`);
  });
});
