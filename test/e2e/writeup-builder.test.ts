/**
 * The strengths write-up builder against the real app, database and emulator: a template per plan
 * (field counts), hints in the user's language, a draft that the modal reopens with (stored in the
 * database, not in memory), the personal-data warning that does not refuse, finishing (field errors when
 * incomplete; the formatted text by DM with 送った, rewritten to 送付済み ✓), the follow-up chain (the last
 * next step shown), owner checks on every action, `/writeup` list and done, and nothing of it in the logs.
 * Sessions on Wed 11/25 JST: 12:00 light, 14:00 first, 17:00 follow-up, all for Aさん.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
const ids: Record<'light' | 'first' | 'followup' | 'emma', number> = {
  light: 0,
  first: 0,
  followup: 0,
  emma: 0,
};

const sessionOfSlot = (slotId: number) =>
  h.database.db.selectFrom('sessions').selectAll().where('slot_id', '=', slotId).executeTakeFirstOrThrow();

const book = async (user: string, entry: string, args: string) => {
  await h.slack.ask(user, '/slots', `add ${entry}`);
  const slot = await h.database.db
    .selectFrom('slots')
    .select('id')
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await h.slack.ask(user, '/slots', `book ${slot.id} ${args}`);
  return (await sessionOfSlot(slot.id)).id;
};

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
  ids.light = await book(USERS.aiko.id, '11/25 12:00 45', 'Aさん ライト');
  ids.first = await book(USERS.aiko.id, '11/25 14:00 90', 'Aさん 初回 転職の軸');
  ids.followup = await book(USERS.aiko.id, '11/25 17:00 60', 'Aさん 継続');
  ids.emma = await book(USERS.emma.id, '11/25 12:00 45', 'Bさん light');
  await h.settled();
  h.setNow('2026-11-25T18:30:00+09:00');
});
afterAll(async () => {
  await h?.stop();
});

type View = { id: string; view: Record<string, unknown> & { blocks: Array<Record<string, unknown>> } };
const modals = (user: string) =>
  [...h.fake.state.views.values()].filter(
    (v) => v.user === user && v.view.callback_id === 'writeup_modal',
  ) as unknown as View[];

/** `/writeup <id>` and the modal it opens. */
const open = async (user: string, sessionId: number): Promise<View> => {
  const before = modals(user).length;
  await h.slack.command(user, '/writeup', String(sessionId));
  return h.fake.waitFor(() => modals(user)[before], 3000, 'the write-up modal');
};

const inputs = (v: View) =>
  v.view.blocks.filter((b) => b.type === 'input' && b.block_id !== 'writeup_finish');
const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const submit = (user: string, sessionId: number, fields: Record<string, string>, finish = false) =>
  h.slack.viewSubmission(
    user,
    { callbackId: 'writeup_modal', privateMetadata: JSON.stringify({ session: sessionId }) },
    {
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, text(v)])),
      writeup_finish: {
        value: {
          type: 'checkboxes',
          selected_options: finish ? [{ value: 'finish', text: { type: 'plain_text', text: '完成' } }] : [],
        },
      },
    },
  );

describe('templates by plan', () => {
  it('light: two strengths and a next step, with hints about behaviours', async () => {
    const v = await open(USERS.aiko.id, ids.light);
    expect(inputs(v).map((b) => b.block_id)).toEqual(['strength_1', 'strength_2', 'next_step']);
    const json = JSON.stringify(v.view);
    expect(json).toContain('見えた行動で書きます');
    expect(json).toContain('11/25(水) 12:00–12:45 のセッション');
    expect(v.view.submit).toMatchObject({ text: '保存' });
  });

  it('first: three strengths each with an episode, the values, a next step', async () => {
    const v = await open(USERS.aiko.id, ids.first);
    expect(inputs(v)).toHaveLength(8);
    expect(inputs(v).map((b) => b.block_id)).toEqual([
      'strength_1',
      'episode_1',
      'strength_2',
      'episode_2',
      'strength_3',
      'episode_3',
      'values',
      'next_step',
    ]);
    expect(JSON.stringify(v.view)).toContain('相談者さんの言葉で');
  });

  it('followup: what changed, strengths, next step; English for an English user', async () => {
    const v = await open(USERS.aiko.id, ids.followup);
    expect(inputs(v).map((b) => b.block_id)).toEqual(['changed', 'strength_1', 'strength_2', 'next_step']);
    const e = await open(USERS.emma.id, ids.emma);
    await eventually(() => JSON.stringify(e.view).includes('Strength 1') && e, 8000, 'the modal in English');
    expect(JSON.stringify(e.view)).toContain('not only a trait label');
  });
});

describe('drafts', () => {
  it('saves a draft, keeps the modal open saying so, and reopens filled in from the database', async () => {
    const res = await submit(USERS.aiko.id, ids.light, { strength_1: '迷いながらも3社に話を聞きに行った' });
    const ack = res.json as { response_action: string; view: View['view'] };
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('下書きを保存しました');
    expect(JSON.stringify(ack.view)).toContain('迷いながらも3社に話を聞きに行った');
    const row = await h.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', ids.light)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.writeup_draft!)).toEqual({ strength_1: '迷いながらも3社に話を聞きに行った' });
    expect(row.writeup_text).toBeNull();
    // Reopened later from the Home / reminder button: the stored draft fills it in.
    const before = modals(USERS.aiko.id).length;
    await h.slack.blockAction(USERS.aiko.id, { actionId: 'writeup_open', value: String(ids.light) });
    const again = await h.fake.waitFor(() => modals(USERS.aiko.id)[before], 3000, 'the reopened modal');
    const strength = again.view.blocks.find((b) => b.block_id === 'strength_1') as {
      element: { initial_value?: string };
    };
    expect(strength.element.initial_value).toBe('迷いながらも3社に話を聞きに行った');
  });

  it('warns about personal data in a draft but saves it', async () => {
    const res = await submit(USERS.aiko.id, ids.light, { strength_1: '連絡は a.sato@example.com まで' });
    const ack = res.json as { response_action: string; view: View['view'] };
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('個人情報らしきもの');
    expect(JSON.stringify(ack.view)).toContain('a.sato@example.com');
    const row = await h.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', ids.light)
      .executeTakeFirstOrThrow();
    expect(row.writeup_draft).toContain('a.sato@example.com');
  });

  it('lists drafts as drafts in /writeup and on Home', async () => {
    const list = await h.slack.ask(USERS.aiko.id, '/writeup', '');
    expect(list.text).toContain('送付待ち 3件');
    expect(list.text).toMatch(new RegExp(`#${ids.light}\`[^\\n]*下書きあり`));
    expect(JSON.stringify(list.blocks)).toContain('writeup_open');
    h.fake.state.homes.delete(USERS.aiko.id);
    await h.slack.event({ type: 'app_home_opened', user: USERS.aiko.id, channel: 'DAIKO', tab: 'home' });
    const home = JSON.stringify(
      await h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 3000, 'Home'),
    );
    expect(home).toContain('まとめを書く');
    expect(home).toContain('_下書き_');
  });
});

describe('finishing', () => {
  it('refuses to finish with a strength or the next step missing, on the field, storing nothing new', async () => {
    const res = await submit(USERS.aiko.id, ids.first, { strength_1: '自分の言葉で説明し直していた' }, true);
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: {
        strength_2:
          '完成にするには「強み 2」「強み 3」「次の一歩」を書いてください。下書きなら空のままで保存できます。',
      },
    });
    const row = await h.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', ids.first)
      .executeTakeFirstOrThrow();
    expect(row.writeup_text).toBeNull();
  });

  it('DMs the formatted text ready to paste with 送った; the click marks it sent and rewrites the DM', async () => {
    const fields = {
      strength_1: '迷いながらも自分から3社に話を聞きに行った',
      episode_1: '「まず動いてみないと分からないと思って」',
      strength_2: '前職での工夫を数字で説明できた',
      strength_3: '周りの声を聞いてから決めていた',
      episode_3: '「チームの意見を集めてから提案しました」',
      values: '人の役に立っている実感',
      next_step: '今週中に職務経歴書の1社目を書く',
    };
    const res = await submit(USERS.aiko.id, ids.first, fields, true);
    expect(res.status).toBe(200);
    expect((res.json as { response_action?: string } | undefined)?.response_action).toBeUndefined();
    const dm = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes('強みのまとめができました')),
      3000,
      'the finished DM',
    );
    expect(dm.text).toContain(
      '■ 強み1\n迷いながらも自分から3社に話を聞きに行った\n「まず動いてみないと分からないと思って」\n\n■ 強み2\n前職での工夫を数字で説明できた\n\n■ 強み3',
    );
    expect(dm.text).toContain(
      '■ 大切にしている価値観\n人の役に立っている実感\n\n■ 次の一歩\n今週中に職務経歴書の1社目を書く',
    );
    expect(JSON.stringify(dm.blocks)).toContain('```■ 強み1');
    expect(JSON.stringify(dm.blocks)).toContain('writeup_sent');

    // Someone else's click changes nothing.
    await h.slack.blockAction(
      USERS.ken.id,
      { actionId: 'writeup_sent', value: String(ids.first) },
      { channel: dm.channel, messageTs: dm.ts },
    );
    await h.settled();
    const slotId = (
      await h.database.db
        .selectFrom('sessions')
        .select('slot_id')
        .where('id', '=', ids.first)
        .executeTakeFirstOrThrow()
    ).slot_id;
    const slotRow = () =>
      h.database.db.selectFrom('slots').selectAll().where('id', '=', slotId).executeTakeFirstOrThrow();
    expect((await slotRow()).writeup_done_at).toBeNull();

    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'writeup_sent', value: String(ids.first) },
      { channel: dm.channel, messageTs: dm.ts },
    );
    await h.settled();
    const updated = h.fake.state.findMessage(dm.channel, dm.ts)!;
    expect(updated.text).toContain('送付済み ✓');
    expect(JSON.stringify(updated.blocks)).not.toContain('writeup_sent');
    expect((await slotRow()).writeup_done_at).not.toBeNull();
  });

  it('shows the follow-up the last next step written for the same client', async () => {
    const v = await open(USERS.aiko.id, ids.followup);
    expect(JSON.stringify(v.view)).toContain('前回の次の一歩');
    expect(JSON.stringify(v.view)).toContain('今週中に職務経歴書の1社目を書く');
  });
});

describe('only the author', () => {
  it('refuses another supporter opening, saving or marking a session that is not theirs', async () => {
    const opened = await h.slack.ask(USERS.ken.id, '/writeup', String(ids.light));
    expect(opened.text).toContain('あなた宛てのボタンではない');
    expect(modals(USERS.ken.id)).toHaveLength(0);
    const before = await h.database.db
      .selectFrom('sessions')
      .select('writeup_draft')
      .where('id', '=', ids.light)
      .executeTakeFirstOrThrow();
    const res = await submit(USERS.ken.id, ids.light, { strength_1: 'のっとり' });
    expect(res.json).toMatchObject({ response_action: 'errors' });
    const after = await h.database.db
      .selectFrom('sessions')
      .select('writeup_draft')
      .where('id', '=', ids.light)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const done = await h.slack.ask(USERS.ken.id, '/writeup', `done ${ids.light}`);
    expect(done.text).toContain('あなた宛てのボタンではない');
  });
});

describe('/writeup done', () => {
  it('marks the write-up sent; once done it leaves the list', async () => {
    const done = await h.slack.ask(USERS.aiko.id, '/writeup', `done ${ids.light}`);
    expect(done.text).toContain(`セッション #${ids.light} のまとめを送付済みにしました`);
    const again = await h.slack.ask(USERS.aiko.id, '/writeup', `送付済み ${ids.light}`);
    expect(again.text).toContain('もう送付済みです');
    const list = await h.slack.ask(USERS.aiko.id, '/writeup', '');
    expect(list.text).toContain('送付待ち 1件');
    expect(list.text).not.toContain(`#${ids.light}\``);
  });

  it('never writes the write-up text into the logs', () => {
    const logs = h.logs.join('\n');
    expect(logs).not.toContain('迷いながらも');
    expect(logs).not.toContain('職務経歴書');
  });
});

describe('the next follow-up brief', () => {
  it('shows the last next step written for the same client', async () => {
    const next = await book(USERS.aiko.id, '11/27 17:00 60', 'Aさん 継続');
    await h.settled();
    h.fake.reset();
    const report = await runNamedJob(jobDepsFor(h), 'session-briefs', {
      now: new Date('2026-11-26T17:00:00+09:00'),
    });
    expect(report.sent).toBe(1);
    const brief = h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes('セッションの準備'))!;
    expect(brief.text).toContain(
      '*前回の次の一歩*（11/25(水) 14:00–15:30）:\n>今週中に職務経歴書の1社目を書く',
    );
    expect(next).toBeGreaterThan(ids.followup);
  });
});

describe('retention', () => {
  it('purges write-up drafts and text with the session, keeping the session and its sent mark', async () => {
    const deps = jobDepsFor(h);
    const rows = () =>
      h.database.db.selectFrom('sessions').selectAll().where('supporter_id', '=', USERS.aiko.id).execute();
    expect((await rows()).some((r) => r.writeup_text !== null)).toBe(true);
    // The finished write-up DM carries the strengths too: retention rewrites it with the session.
    const strengthsInSlack = () =>
      h.fake.state.messages.filter(
        (m) =>
          m.user === 'UBOTDESK' &&
          `${m.text}${JSON.stringify(m.blocks ?? [])}`.includes('迷いながらも自分から3社'),
      );
    await submit(
      USERS.aiko.id,
      ids.followup,
      {
        changed: '職務経歴書の1社目を書き上げた',
        strength_1: '迷いながらも自分から3社に話を聞きに行った',
        strength_2: '周りの声を聞いてから決めていた',
        next_step: '2社目の応募書類を週末に仕上げる',
      },
      true,
    );
    await h.fake.waitFor(() => strengthsInSlack().length > 0, 3000, 'the finished follow-up DM');
    await h.settled();
    // Not yet: 180 days after 11/25 is 5/24.
    await runNamedJob(deps, 'retention', { now: new Date('2027-05-20T00:00:00+09:00') });
    expect((await rows()).some((r) => r.writeup_draft !== null)).toBe(true);
    const dry = await runNamedJob(deps, 'retention', {
      now: new Date('2027-06-01T00:00:00+09:00'),
      dryRun: true,
    });
    // The dry run plans the rewrites (the finished DM among them) and changes nothing.
    expect(dry.sent).toBe(0);
    expect(dry.planned.length).toBeGreaterThan(0);
    expect((await rows()).some((r) => r.writeup_draft !== null)).toBe(true);
    await runNamedJob(deps, 'retention', { now: new Date('2027-06-01T00:00:00+09:00') });
    const after = await rows();
    expect(after).toHaveLength(4);
    expect(after.every((r) => r.writeup_draft === null && r.writeup_text === null)).toBe(true);
    expect(strengthsInSlack()).toEqual([]);
    const sent = await h.database.db
      .selectFrom('slots')
      .select('writeup_done_at')
      .where('supporter_id', '=', USERS.aiko.id)
      .execute();
    expect(sent.filter((r) => r.writeup_done_at !== null)).toHaveLength(2);
  });
});
