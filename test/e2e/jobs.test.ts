/**
 * The jobs against the real database and the fake Slack: who gets what, exactly once — across reruns,
 * days and 429s. Assertions are on the DMs and posts the fake recorded. The same jobs as CLI processes
 * (two at once, killed, interrupted): ./jobs-processes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { setExpertise, setMonthFlag } from '../../src/db/repositories/supporters.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { runCliInProcess } from '../helpers/cli.js';
import { ADVICE_CHANNEL, OPERATOR_CHANNEL } from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';
import { addPeople } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

const s = jobSuite();
const { run, joinAll, dmCounts } = s;
const MONDAY = '2026-11-30T10:00:00+09:00';

describe('quota-reminders', () => {
  it('DMs only supporters below quota and not away or exempt, with count, missing and a button', async () => {
    await joinAll([USERS.aiko.id, USERS.ken.id, USERS.emma.id, USERS.yui.id]);
    await s.h.slack.ask(
      USERS.ken.id,
      '/slots',
      'add 12/1 19:00, 12/2 19:00, 12/3 19:00, 12/4 19:00, 12/5 19:00',
    );
    await s.h.slack.ask(USERS.aiko.id, '/slots', 'add 12/8 20:00, 12/15 20:00');
    await setMonthFlag(s.h.database.db, USERS.yui.id, '2026-12', 'away', true);
    s.h.fake.reset();
    // 11/30 is after the 20th, so the target month is December.
    const report = await run('quota-reminders', MONDAY);
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    const aiko = s.h.fake.state.dmsTo(USERS.aiko.id);
    expect(aiko).toHaveLength(1);
    expect(aiko[0]!.text).toContain('2026年12月の相談枠*: いま2枠 / 5枠です。あと3枠で');
    const blocks = JSON.stringify(aiko[0]!.blocks);
    expect(blocks).toContain('毎週火曜 20:00');
    expect(blocks).toContain('"action_id":"open_slots_modal"');
    expect(blocks).toContain('"value":"2026-12"');
    const emma = s.h.fake.state.dmsTo(USERS.emma.id);
    expect(emma[0]!.text).toContain('いま0枠 / 5枠です');
    expect(s.h.fake.state.dmsTo(USERS.ken.id)).toEqual([]);
    expect(s.h.fake.state.dmsTo(USERS.yui.id)).toEqual([]);
  });

  it("writes in the supporter's Slack language once the app has seen it, and in a chosen one first", async () => {
    await joinAll([USERS.aiko.id, USERS.emma.id, USERS.ken.id]);
    // Emma's Slack speaks English and she has used a command: the app has seen her locale.
    expect((await s.h.slack.ask(USERS.emma.id, '/slots', 'list')).text).toContain('Your slots');
    // Ken's Slack speaks Japanese, but he chose English.
    await s.h.slack.ask(USERS.ken.id, '/supporter', 'lang en');
    await run('quota-reminders', MONDAY);
    expect(s.h.fake.state.dmsTo(USERS.emma.id)[0]!.text).toContain(
      '*Your slots for Dec 2026*: 0 of 5 so far',
    );
    expect(s.h.fake.state.dmsTo(USERS.ken.id)[0]!.text).toContain('*Your slots for Dec 2026*');
    // Aiko (ja-JP) and anyone the app has not seen yet: DEFAULT_LOCALE, Japanese.
    expect(s.h.fake.state.dmsTo(USERS.aiko.id)[0]!.text).toContain('2026年12月の相談枠');
  });

  it('sends nothing new on a rerun the same day, and again the next day', async () => {
    await joinAll([USERS.aiko.id, USERS.emma.id]);
    await run('quota-reminders', MONDAY);
    const again = await run('quota-reminders', '2026-11-30T15:00:00+09:00');
    expect(again).toMatchObject({ sent: 0, skipped: 2 });
    expect(s.h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    const nextDay = await run('quota-reminders', '2026-12-01T10:00:00+09:00', { month: '2026-12' });
    expect(nextDay.sent).toBe(2);
    expect(s.h.fake.state.dmsTo(USERS.aiko.id)).toHaveLength(2);
  });

  it('delivers every DM exactly once when Slack answers 429 on every 20th call', async () => {
    const people = addPeople(s.h.fake, 45);
    await joinAll(people);
    s.h.fake.injectFault({
      method: 'chat.postMessage',
      kind: 'ratelimit',
      retryAfterSeconds: 1,
      when: (n) => n % 20 === 0,
    });
    const report = await runNamedJob(
      { ...s.deps, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
      'quota-reminders',
      {
        now: new Date(MONDAY),
      },
    );
    expect(report).toMatchObject({ sent: 45, failed: 0 });
    const counts = dmCounts();
    expect(people.every((p) => counts.get(p) === 1)).toBe(true);
    expect(s.h.fake.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
  });

  it('--dry-run prints what would be sent and sends nothing', async () => {
    await joinAll([USERS.aiko.id]);
    const dry = await runCliInProcess(['job', 'quota-reminders', '--now', MONDAY, '--dry-run'], s.env);
    expect(dry.code, dry.stderr).toBe(0);
    const planned = dry.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; recipient: string });
    expect(planned).toEqual([
      expect.objectContaining({ key: `quota:${USERS.aiko.id}:2026-12:2026-11-30`, recipient: USERS.aiko.id }),
    ]);
    expect(s.h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(await s.h.database.db.selectFrom('deliveries').selectAll().execute()).toEqual([]);
  });
});

describe('operator-digest', () => {
  it('posts one digest a day with capacity, people below quota, unanswered consultations and overdue write-ups', async () => {
    await joinAll([USERS.aiko.id, USERS.ken.id, USERS.emma.id]);
    await s.h.slack.ask(
      USERS.ken.id,
      '/slots',
      'add 11/26 10:00, 11/27 10:00, 11/28 10:00, 11/29 10:00, 11/30 10:00',
    );
    await s.h.slack.ask(USERS.aiko.id, '/consult', '11/26 19:00 転職の軸の問いかけ #人事');
    await setMonthFlag(s.h.database.db, USERS.emma.id, '2026-11', 'exempt', true);
    s.h.fake.reset();
    const report = await run('operator-digest', '2026-11-30T09:00:00+09:00');
    expect(report.sent).toBe(1);
    const [post] = s.h.fake.state.channelMessages(OPERATOR_CHANNEL);
    const text = JSON.stringify(post!.blocks);
    expect(text).toContain('運営ダイジェスト 11/30(月)');
    expect(text).toContain('2026年11月: 提供枠 *6* / 必要枠 10（2人 × 5枠）');
    expect(text).toContain(`ノルマ未達（1人）*\\n<@${USERS.aiko.id}> 1枠 / 5枠`);
    expect(text).toContain('休み・免除: 1人');
    // The consultation's session (11/26 19:00) is over, so it is no longer "unanswered" but its write-up is overdue.
    expect(text).toContain('未回答の相談（0件）');
    expect(text).toContain('期限を過ぎた強みのまとめ（1件）');
    const again = await run('operator-digest', '2026-11-30T17:00:00+09:00');
    expect(again.sent).toBe(0);
    expect(s.h.fake.state.channelMessages(OPERATOR_CHANNEL)).toHaveLength(1);
  });

  it('lists overdue write-ups and unanswered consultations with links', async () => {
    await joinAll([USERS.aiko.id]);
    await s.h.slack.ask(USERS.aiko.id, '/consult', '11/26 19:00 面接練習の組み立て #面接対策');
    await s.h.slack.ask(USERS.aiko.id, '/consult', '12/10 19:00 職務経歴書の見せ方 #職務経歴書');
    await run('operator-digest', '2026-12-01T09:00:00+09:00');
    const text = JSON.stringify(s.h.fake.state.channelMessages(OPERATOR_CHANNEL).at(-1)!.blocks);
    expect(text).toContain('期限を過ぎた強みのまとめ（1件）');
    expect(text).toContain(`<@${USERS.aiko.id}> 11/26(木) 19:00–20:00 のセッション`);
    expect(text).toContain('未回答の相談（1件）');
    expect(text).toMatch(/<https:\/\/supporters\.slack\.test\/archives\/CADVICE\/p\d+\|#\d+>/);
  });

  it('names the ten oldest overdue write-ups and counts the rest', async () => {
    await joinAll([USERS.aiko.id]);
    const times = ['11/26', '11/27'].flatMap((d) => [8, 10, 12, 14, 16, 18].map((hr) => `${d} ${hr}:00`));
    for (const t of times)
      await s.h.slack.ask(USERS.aiko.id, '/consult', `${t} 面接練習の組み立て #面接対策`);
    await run('operator-digest', '2026-12-01T09:00:00+09:00');
    const text = JSON.stringify(s.h.fake.state.channelMessages(OPERATOR_CHANNEL).at(-1)!.blocks);
    expect(text).toContain('期限を過ぎた強みのまとめ（12件）');
    expect(text).toContain('11/26(木) 08:00');
    expect(text).toContain('11/27(金) 14:00');
    expect(text).not.toContain('11/27(金) 16:00');
    expect(text).toContain('…+2');
  });

  it('stays within Block Kit limits with 1,200 supporters below quota', async () => {
    const people = addPeople(s.h.fake, 1200);
    await joinAll(people);
    await run('operator-digest', '2026-11-30T09:00:00+09:00');
    const post = s.h.fake.state.channelMessages(OPERATOR_CHANNEL).at(-1)!;
    expect(post.blocks!.length).toBeLessThanOrEqual(50);
    for (const b of post.blocks as Array<{ text?: { text: string } }>)
      expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(post.blocks)).toContain('…ほか1140人');
  });

  it('/supporter digest posts it on demand for operators', async () => {
    await joinAll([USERS.aiko.id]);
    const reply = await s.h.slack.ask('UOPS', '/supporter', 'ダイジェスト');
    expect(reply.text).toContain(`ダイジェストを投稿しました（<#${OPERATOR_CHANNEL}>）`);
    expect(JSON.stringify(s.h.fake.state.channelMessages(OPERATOR_CHANNEL).at(-1)!.blocks)).toContain(
      'ノルマ未達',
    );
  });
});

describe('advice-nudges', () => {
  const consult = async (user: string, text: string) => {
    await s.h.slack.ask(user, '/consult', text);
    return (await s.h.database.db
      .selectFrom('consultations')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirst())!;
  };

  it('DMs up to 3 matching experts (never the asker, not away), once across reruns', async () => {
    const experts = addPeople(s.h.fake, 5);
    await joinAll([USERS.aiko.id, ...experts]);
    for (const id of experts) await setExpertise(s.h.database.db, id, ['人事']);
    await setExpertise(s.h.database.db, USERS.aiko.id, ['人事']);
    await setMonthFlag(s.h.database.db, experts[0]!, '2026-12', 'away', true);
    const c = await consult(USERS.aiko.id, '12/3 19:00 強みの言語化の問いかけを教えて #HR');
    s.h.fake.clearCalls();
    // Posted 11/25 10:00; 12 hours later it is due.
    const report = await run('advice-nudges', '2026-11-25T22:30:00+09:00');
    expect(report.sent).toBe(3);
    const nudged = [...dmCounts().keys()];
    // Delivery sends to several recipients in parallel: compare who, not in which order.
    expect(nudged.sort()).toEqual([experts[1], experts[2], experts[3]].sort());
    const dm = s.h.fake.state.dmsTo(experts[1]!)[0]!;
    expect(dm.text).toContain(`<@${USERS.aiko.id}> さんの相談 #${c.id}`);
    expect(dm.text).toContain('#人事');
    expect(dm.text).toContain('強みの言語化の問いかけを教えて');
    expect(dm.text).toContain('https://supporters.slack.test/archives/CADVICE/p');
    expect((await run('advice-nudges', '2026-11-26T10:00:00+09:00')).sent).toBe(0);
    expect(s.h.fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('spreads the load: the least recently nudged experts come first', async () => {
    const experts = addPeople(s.h.fake, 4);
    await joinAll([USERS.aiko.id, USERS.ken.id, ...experts]);
    for (const id of experts) await setExpertise(s.h.database.db, id, ['採用']);
    await consult(USERS.aiko.id, '12/3 19:00 採用面接の見極め方 #採用');
    await run('advice-nudges', '2026-11-25T22:30:00+09:00');
    await consult(USERS.ken.id, '12/4 19:00 新卒採用の動向 #採用');
    s.h.fake.clearCalls();
    await run('advice-nudges', '2026-11-25T22:31:00+09:00');
    // The first consultation went to the first three (all equally idle); the second starts with the fourth.
    expect([...dmCounts().keys()].sort()).toEqual([experts[3], experts[0], experts[1]].sort());
  });

  it('bumps the thread when nobody matches, and not once the consultation has an answer', async () => {
    await joinAll([USERS.aiko.id, USERS.ken.id]);
    const lonely = await consult(USERS.aiko.id, '12/3 19:00 海外転職の相談 #海外');
    const answered = await consult(USERS.aiko.id, '12/4 19:00 派遣の更新 #派遣');
    await s.h.slack.threadReply(USERS.ken.id, ADVICE_CHANNEL, answered.ts!, 'こうしてみては');
    await eventually(
      async () => (await s.h.database.db.selectFrom('thread_replies').selectAll().execute()).length > 0,
      5000,
      'the answer to be recorded',
    );
    s.h.fake.clearCalls();
    const report = await run('advice-nudges', '2026-11-25T22:30:00+09:00');
    expect(report.sent).toBe(1);
    const [bump] = s.h.fake.callsTo('chat.postMessage');
    expect(bump!.args).toMatchObject({ channel: ADVICE_CHANNEL, thread_ts: lonely.ts });
    expect(String(bump!.args.text)).toContain('まだ回答がありません');
  });

  it('waits until the nudge window, or halfway to a session that comes sooner (the ladder: ./advice-ladder.test.ts)', async () => {
    await joinAll([USERS.aiko.id]);
    await consult(USERS.aiko.id, '12/20 19:00 まだ先の相談 #人事');
    await consult(USERS.aiko.id, '11/26 09:00 明日の朝の相談 #人事');
    s.h.fake.clearCalls();
    expect((await run('advice-nudges', '2026-11-25T21:29:00+09:00')).sent).toBe(0);
    // Posted 10:00 for 9:00 the next day: halfway is 21:30, before posted + 12 h.
    expect((await run('advice-nudges', '2026-11-25T21:30:00+09:00')).sent).toBe(1);
    expect((await run('advice-nudges', '2026-11-25T22:00:00+09:00')).sent).toBe(1);
  });
});

describe('writeup-reminders', () => {
  it('DMs once per session still pending 24 h after it ended, with a button', async () => {
    await joinAll([USERS.aiko.id]);
    await s.h.slack.ask(USERS.aiko.id, '/consult', '11/26 19:00 面接練習 #面接対策');
    await s.h.slack.ask(USERS.aiko.id, '/slots', 'add 11/27 19:00');
    const c = (await s.h.database.db.selectFrom('consultations').select('id').executeTakeFirst())!;
    s.h.fake.reset();
    expect((await run('writeup-reminders', '2026-11-27T18:00:00+09:00')).sent).toBe(0);
    const report = await run('writeup-reminders', '2026-11-27T21:00:00+09:00');
    expect(report.sent).toBe(1);
    const [dm] = s.h.fake.state.dmsTo(USERS.aiko.id);
    expect(dm!.text).toContain('11/26(木) 19:00–20:00 のセッションお疲れさまでした');
    expect(dm!.text).toContain(`/consult writeup ${c.id}`);
    expect(JSON.stringify(dm!.blocks)).toContain('writeup_done');
    // 送った answers the click: the reminder keeps its text, its buttons give way to "送付済み ✓".
    const value =
      /"action_id":"writeup_done"[^}]*"value":"(\d+)"|"value":"(\d+)"[^}]*"action_id":"writeup_done"/.exec(
        JSON.stringify(dm!.blocks),
      );
    await s.h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'writeup_done', value: value?.[1] ?? value?.[2] ?? '' },
      { channel: dm!.channel, messageTs: dm!.ts },
    );
    await s.h.settled();
    const clicked = s.h.fake.state.findMessage(dm!.channel, dm!.ts)!;
    expect(clicked.text).toContain('11/26(木) 19:00–20:00 のセッションお疲れさまでした');
    expect(JSON.stringify(clicked.blocks)).toContain('送付済み ✓');
    expect(JSON.stringify(clicked.blocks)).not.toContain('writeup_done');
    expect((await run('writeup-reminders', '2026-11-28T18:00:00+09:00')).sent).toBe(0);
  });
});

describe('retention', () => {
  it('purges consultation text after RETENTION_DAYS, keeping the rows', async () => {
    await joinAll([USERS.aiko.id]);
    await s.h.slack.ask(USERS.aiko.id, '/consult', '11/26 19:00 消えるべき相談テキスト #人事');
    await run('retention', '2027-05-24T00:00:00+09:00');
    expect(
      (await s.h.database.db.selectFrom('consultations').select('question').executeTakeFirst())!.question,
    ).toContain('消えるべき');
    await run('retention', '2027-05-26T00:00:00+09:00');
    const row = (await s.h.database.db.selectFrom('consultations').selectAll().executeTakeFirst())!;
    expect(row.question).toBe('[purged]');
    expect(row.purged_at).not.toBeNull();
  });
});
