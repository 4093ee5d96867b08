/** /consult end to end: posting (quick form and modal), the PII guard, answers counted once, resolving. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runCliInProcess } from '../helpers/cli.js';
import { ADVICE_CHANNEL, type Harness, startHarness, testEnv } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.fake.clearFaults();
});

const advicePosts = () => h.fake.state.channelMessages(ADVICE_CHANNEL);
const consultations = () => h.database.db.selectFrom('consultations').selectAll().orderBy('id').execute();
const latest = async () => (await consultations()).at(-1)!;

const reply = (c: { channel: string | null; ts: string | null }, user: string) =>
  h.slack.threadReply(user, c.channel!, c.ts!, 'こう聞いてみては？');

const replyCount = async (id: number) =>
  (await h.database.db.selectFrom('thread_replies').selectAll().where('consultation_id', '=', id).execute())
    .length;

describe('/consult quick form', () => {
  it('posts to the advice channel, books a session and confirms with a link', async () => {
    const r = await h.slack.ask(
      USERS.aiko.id,
      '/consult',
      '12/3 19:00 初回 転職の軸が定まらない30代の方。強みの棚卸しをどう進める？ #人材紹介 #HR',
    );
    const c = await latest();
    expect(r.text).toContain(`相談 #${c.id} を投稿しました`);
    expect(r.text).toContain('https://supporters.slack.test/archives/CADVICE/p');
    const post = advicePosts().at(-1)!;
    expect(post.ts).toBe(c.ts);
    const shown = JSON.stringify(post.blocks);
    expect(shown).toContain(`相談 #${c.id} ・ 12/3(木) 19:00–20:30 初回（90分）`);
    expect(shown).toContain(`<@${USERS.aiko.id}> さんから`);
    expect(shown).toContain('強みの棚卸しをどう進める？');
    expect(shown).toMatch(/求める専門: (#人材紹介 #人事|#人事 #人材紹介)/);
    // Slack's date token, shown in each reader's zone and never stale; our format as its fallback (#23 item 3).
    expect(shown).toContain('セッション: <!date^1796292000^{date_short_pretty} {time}|12/3(木) 19:00>');
    expect(shown).not.toContain('あと');
    expect(shown).toContain('resolve_consultation');
    const [slot] = await h.database.db.selectFrom('slots').selectAll().where('id', '=', c.slot_id!).execute();
    expect(slot).toMatchObject({ status: 'booked', minutes: 90, start_at: '2026-12-03T10:00:00.000Z' });
  });

  it('links to the asker’s open slot at that time and books it', async () => {
    await h.slack.ask(USERS.ken.id, '/slots', 'add 12/4 20:00');
    const [open] = await h.database.db
      .selectFrom('slots')
      .selectAll()
      .where('supporter_id', '=', USERS.ken.id)
      .execute();
    await h.slack.ask(USERS.ken.id, '/consult', '12/4 20:00 面接が苦手な方への練習の進め方 #面接対策');
    const c = await latest();
    expect(c.slot_id).toBe(open!.id);
    expect(c.plan).toBe('followup');
    const [slot] = await h.database.db.selectFrom('slots').selectAll().where('id', '=', open!.id).execute();
    expect(slot!.status).toBe('booked');
  });

  it.each([
    ['12/5 19:00 連絡先は taro.yamada@example.com です', 'メールアドレス: 「taro.yamada@example.com」'],
    ['12/5 19:00 電話 090-1234-5678 にかけてと言われた', '電話番号: 「090-1234-5678」'],
    ['12/5 19:00 ０３－１２３４－５６７８ の方', '電話番号'],
    ['12/5 19:00 〒150-0001 在住の方', '郵便番号'],
    ['12/5 19:00 https://twitter.com/taro_career を見て', 'SNSのURL'],
  ])('refuses personal data and posts nothing: %s', async (text, expected) => {
    const before = advicePosts().length;
    const count = (await consultations()).length;
    const r = await h.slack.ask(USERS.aiko.id, '/consult', text);
    expect(r.text).toContain(expected);
    expect(r.text).toContain('何も投稿していません');
    expect(advicePosts().length).toBe(before);
    expect((await consultations()).length).toBe(count);
  });

  it.each([
    ['2026-11-20 19:00 過去のセッション', 'すでに過ぎています'],
    ['そのうち相談したい', '日時が読めませんでした'],
    ['12/5 19:00', '相談内容がありません'],
  ])('names what is wrong: %s', async (text, expected) => {
    const count = (await consultations()).length;
    expect((await h.slack.ask(USERS.aiko.id, '/consult', text)).text).toContain(expected);
    expect((await consultations()).length).toBe(count);
  });

  it('stores nothing when the post to Slack fails', async () => {
    const count = (await consultations()).length;
    const slots = (await h.database.db.selectFrom('slots').selectAll().execute()).length;
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'internal_error' });
    const r = await h.slack.ask(USERS.yui.id, '/consult', '12/6 10:00 派遣から正社員を目指す方 #派遣');
    expect(r.text).toContain('エラーが起きました');
    expect((await consultations()).length).toBe(count);
    expect((await h.database.db.selectFrom('slots').selectAll().execute()).length).toBe(slots);
  });
});

describe('answers in the thread', () => {
  it('count once per message, however often Slack retries, and never the asker’s own', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/8 19:00 キャリアの棚卸しの問いかけ #人事');
    const c = await latest();
    const first = await reply(c, USERS.ken.id);
    expect(first.status).toBe(200);
    const retried = await h.slack.event(first.event, { eventId: first.eventId, retryNum: 1 });
    expect(retried.status).toBe(200);
    await reply(c, USERS.aiko.id);
    await h.slack.editMessage(c.channel!, first.ts, 'こう聞いてみては？（追記）');
    await h.slack.botMessage('B0X', c.channel!, 'integration says hi', c.ts!);
    await reply(c, USERS.emma.id);
    // Events are acked before they are processed: wait for the last one (Emma's) to land, then look.
    await eventually(async () => (await replyCount(c.id)) >= 2, 5000, 'the answers');
    await new Promise((r) => setTimeout(r, 100));
    expect(await replyCount(c.id)).toBe(2);
  });
});

describe('resolving and write-ups', () => {
  it('resolves by button for the asker, updating the post; anyone else gets an error', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/9 19:00 ブランクのある方の自己PR #人事');
    const c = await latest();
    await h.slack.blockAction(
      USERS.ken.id,
      { actionId: 'resolve_consultation', value: String(c.id) },
      { channel: ADVICE_CHANNEL, messageTs: c.ts! },
    );
    const err = await h.fake.waitFor(
      () => h.fake.state.ephemerals.find((e) => e.user === USERS.ken.id && e.text.includes(`#${c.id}`)),
      3000,
      'an ephemeral error',
    );
    expect(err.text).toContain(`相談 #${c.id} はあなたの相談ではない`);
    expect((await latest()).status).toBe('open');
    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'resolve_consultation', value: String(c.id) },
      { channel: ADVICE_CHANNEL, messageTs: c.ts! },
    );
    await h.fake.waitFor(
      () => h.fake.callsTo('chat.update').find((u) => u.args.ts === c.ts),
      3000,
      'chat.update',
    );
    const post = h.fake.state.findMessage(ADVICE_CHANNEL, c.ts!)!;
    expect(JSON.stringify(post.blocks)).toContain('解決済み');
    expect(JSON.stringify(post.blocks)).not.toContain('resolve_consultation');
    expect((await latest()).status).toBe('resolved');
  });

  it('resolves by command and marks the write-up, only for the asker', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '12/10 19:00 面接練習の組み立て方 #面接対策');
    const c = await latest();
    expect((await h.slack.ask(USERS.ken.id, '/consult', `done ${c.id}`)).text).toContain(
      'あなたの相談ではない',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/consult', `完了 #${c.id}`)).text).toContain(
      '解決済みにしました',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/consult', `done ${c.id}`)).text).toContain('すでに解決済み');
    expect((await h.slack.ask(USERS.aiko.id, '/consult', `レポート済 ${c.id}`)).text).toContain(
      '送付済みにしました',
    );
    const [slot] = await h.database.db.selectFrom('slots').selectAll().where('id', '=', c.slot_id!).execute();
    expect(slot!.writeup_done_at).not.toBeNull();
    expect((await h.slack.ask(USERS.aiko.id, '/consult', 'done 99999')).text).toContain(
      '#99999 は見つかりませんでした',
    );
  });
});

describe('the consult modal', () => {
  const submit = (values: Record<string, Record<string, unknown>>) =>
    h.slack.viewSubmission(
      USERS.emma.id,
      { callbackId: 'consult_modal' },
      Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: v }])),
    );
  const base = {
    session_date: { type: 'datepicker', selected_date: '2026-12-11' },
    session_time: { type: 'timepicker', selected_time: '20:00' },
    plan: { type: 'static_select', selected_option: { value: 'light' } },
    topic: { type: 'plain_text_input', value: 'Career change from sales to HR' },
    question: { type: 'plain_text_input', value: 'How would you structure a 45 min light session?' },
    tags: { type: 'multi_static_select', selected_options: [{ value: '人事' }] },
    extra_tags: { type: 'plain_text_input', value: 'freelance' },
  };

  it('opens from /consult with no text', async () => {
    await h.slack.command(USERS.emma.id, '/consult', '');
    // views.open comes first (the trigger_id lives 3 s); the modal then shows in Emma's Slack language.
    const shown = await h.fake.waitFor(
      () =>
        [...h.fake.state.views.values()].find(
          (v) =>
            v.user === USERS.emma.id &&
            v.view.callback_id === 'consult_modal' &&
            JSON.stringify(v.view).includes('Expertise wanted'),
        ),
      3000,
      'the consult modal in English',
    );
    expect(shown.kind).toBe('modal');
  });

  it('shows personal data as an error on its field and stores nothing', async () => {
    const count = (await consultations()).length;
    const res = await submit({ ...base, topic: { type: 'plain_text_input', value: 'call 080 1234 5678' } });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { topic: expect.stringContaining('phone number') },
    });
    const past = await submit({ ...base, session_date: { type: 'datepicker', selected_date: '2026-11-01' } });
    expect(past.json).toEqual({
      response_action: 'errors',
      errors: { session_date: expect.stringContaining('already passed') },
    });
    expect((await consultations()).length).toBe(count);
  });

  it('posts a valid submission and confirms by DM', async () => {
    const res = await submit(base);
    expect(res.body).toBe('');
    const dm = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.emma.id).find((m) => m.text.includes('is posted')),
      3000,
      'a DM',
    );
    const c = await latest();
    expect(dm.text).toContain(`Consultation #${c.id} is posted`);
    expect(c).toMatchObject({
      plan: 'light',
      topic: 'Career change from sales to HR',
      session_start: '2026-12-11T11:00:00.000Z',
    });
    const tags = await h.database.db
      .selectFrom('consultation_tags')
      .select('tag')
      .where('consultation_id', '=', c.id)
      .execute();
    expect(tags.map((t) => t.tag).sort()).toEqual(['フリーランス', '人事'].sort());
  });
});

describe('export consultations', () => {
  it('has the CONTRACT shape with reply counts, responders and write-up state', async () => {
    const env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
    const run = await runCliInProcess(
      ['export', 'consultations'],
      env,
      () => new Date('2026-12-20T00:00:00Z'),
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'channel',
          'id',
          'plan',
          'replies',
          'responders',
          'session_start',
          'status',
          'supporter',
          'tags',
          'ts',
          'writeup',
        ].sort(),
      );
    }
    const answered = rows.find((r) => r.replies === 2)!;
    expect(answered.responders).toEqual([USERS.ken.id, USERS.emma.id]);
    expect(answered.session_start).toBe('2026-12-08T19:00:00+09:00');
    expect(answered.writeup).toBe('overdue');
    expect(rows.find((r) => String(r.session_start).startsWith('2026-12-10'))?.writeup).toBe('done');
    expect(JSON.stringify(rows)).not.toContain('面接練習');
  });
});
