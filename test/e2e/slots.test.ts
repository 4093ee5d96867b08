/** /slots through signed slash commands and modals, as a supporter would use it. "Now" is Wed 2026-11-25 10:00 JST. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled(); // nothing of the previous test still at work
  await h.database.db.deleteFrom('slots').execute();
  await h.database.db.deleteFrom('supporter_months').execute();
  h.fake.state.reset();
});

const slotsOf = (userId: string) =>
  h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', userId)
    .where('status', '!=', 'cancelled')
    .orderBy('start_at')
    .execute();

describe('/slots add', () => {
  it('stores a month written the Japanese way and says what was added and where the quota stands', async () => {
    const reply = await h.slack.ask(
      USERS.aiko.id,
      '/slots',
      'add 12/3 19:00、12月10日 20時 90分\n１２／１７ １９：００ ライト',
    );
    expect(reply.text).toContain('3枠を追加しました');
    expect(reply.text).toContain('12/3(木) 19:00–20:00');
    expect(reply.text).toContain('12/10(木) 20:00–21:30');
    expect(reply.text).toContain('12/17(木) 19:00–19:45');
    expect(reply.text).toContain('12月: 3枠 / 5枠 — あと2枠');
    const rows = await slotsOf(USERS.aiko.id);
    expect(rows.map((r) => [r.start_at, r.minutes, r.status])).toEqual([
      ['2026-12-03T10:00:00.000Z', 60, 'open'],
      ['2026-12-10T11:00:00.000Z', 90, 'open'],
      ['2026-12-17T10:00:00.000Z', 45, 'open'],
    ]);
  });

  it('accepts the Japanese alias 追加 and a weekly pattern for the rest of the month', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', '追加 毎週金曜 20:00');
    // Fridays left in November 2026 after the 25th: the 27th only.
    expect(reply.text).toContain('1枠を追加しました');
    expect(reply.text).toContain('11/27(金) 20:00–21:00');
    expect(reply.text).toContain('11月: 1枠 / 5枠 — あと4枠');
  });

  it('answers an English user in English', async () => {
    const reply = await h.slack.ask(USERS.emma.id, '/slots', 'add 2026-12-03 19:00 90');
    expect(reply.text).toContain('Added 1 slot');
    expect(reply.text).toContain('Thu 12/3 19:00–20:30');
    expect(reply.text).toContain('Dec: 1 of 5 slots — 4 to go');
  });

  // Issue #21: a year-less date that passed less than 60 days ago (11/20 on 11/25) is an error now
  // (test/e2e/dates.test.ts); one that passed longer ago still means next year.
  it('takes a date without a year as its next occurrence, and shows the year then', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'add 9/1 19:00');
    expect(reply.text).toContain('2027/9/1(水) 19:00–20:00');
    expect(reply.text).toContain('2027年9月: 1枠 / 5枠 — あと4枠');
  });

  it('marks a Japanese public holiday', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'add 2027-01-11 10:00');
    expect(reply.text).toContain('2027/1/11(月)(祝) 10:00–11:00');
  });

  it('stores nothing when one entry is bad, and names that entry', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00, 12/32 19:00, 12/5 10:00');
    expect(reply.text).toContain('「12/32 19:00」の日付が存在しません');
    expect(await slotsOf(USERS.aiko.id)).toEqual([]);
  });

  it.each([
    ['add 12/3', '開始時刻がありません'],
    ['add 2026-11-20 19:00', 'すでに過ぎた日時'],
    ['add 25日 9:00', 'すでに過ぎた日時'],
    ['add 12/3 19:00 300', '15〜240分'],
    ['add 12/3(水) 19:00', '木曜日です'],
    ['add 12/3 19:00, 12/3 19:30', '重なっています'],
    ['add', '追加する枠がありません'],
    ['add ほげ', '枠として読めませんでした'],
  ])('%s → an error that says what to fix, nothing stored', async (text, expected) => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', text);
    expect(reply.text).toContain(expected);
    expect(await slotsOf(USERS.aiko.id)).toEqual([]);
  });

  it('refuses an overlap with a slot already stored', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
    const [first] = await slotsOf(USERS.aiko.id);
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/4 10:00, 12/3 19:30');
    // The same date format as every other reply (12/3(木) 19:00–20:00), never ISO (#23 item 9).
    expect(reply.text).toContain(
      `「12/3 19:30」は登録済みの枠 #${first!.id}（12/3(木) 19:00–20:00）と重なっています`,
    );
    expect(reply.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await slotsOf(USERS.aiko.id)).toHaveLength(1);
  });

  it('refreshes the Home tab after adding', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
    const home = await h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 3000, 'a Home publish');
    expect(JSON.stringify(home)).toContain('12月: 1枠 / 5枠 — あと4枠');
  });
});

describe('/slots list, remove, book, unbook', () => {
  it('lists the month with ids, status and progress', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00, 12/10 19:00');
    const [a, b] = await slotsOf(USERS.aiko.id);
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${b!.id}`);
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', '一覧 2026-12');
    expect(reply.text).toContain('2026年12月の枠');
    expect(reply.text).toContain(`\`#${a!.id}\` 12/3(木) 19:00–20:00 (60分) — 空き`);
    expect(reply.text).toContain(`\`#${b!.id}\` 12/10(木) 19:00–20:00 (60分) — 予約済み`);
    expect(reply.text).toContain('12月: 2枠 / 5枠 — あと3枠');
  });

  it('lists the current month by default, and says so when empty', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', 'list');
    expect(reply.text).toContain('2026年11月の枠');
    expect(reply.text).toContain('この月の枠はまだありません');
  });

  it('removes several own slots at once; removed slots no longer count', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00, 12/10 19:00, 12/17 19:00');
    const [a, b] = await slotsOf(USERS.aiko.id);
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `削除 #${a!.id} ${b!.id}`);
    expect(reply.text).toContain(`#${a!.id}, #${b!.id} を削除しました`);
    expect(await slotsOf(USERS.aiko.id)).toHaveLength(1);
  });

  it('refuses to touch someone else’s slot, and changes nothing', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
    const [slot] = await slotsOf(USERS.aiko.id);
    for (const sub of ['remove', 'book']) {
      const reply = await h.slack.ask(USERS.ken.id, '/slots', `${sub} ${slot!.id}`);
      expect(reply.text).toContain(`枠 #${slot!.id} はあなたの枠ではない`);
    }
    expect((await slotsOf(USERS.aiko.id))[0]!.status).toBe('open');
  });

  it('books and unbooks, refusing the wrong order', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
    const [slot] = await slotsOf(USERS.aiko.id);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `unbook ${slot!.id}`)).text).toContain('現在「空き」');
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `予約 ${slot!.id}`)).text).toContain(
      '予約済みにしました',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `remove ${slot!.id}`)).text).toContain(
      '現在「予約済み」',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `予約取消 ${slot!.id}`)).text).toContain(
      '空きに戻しました',
    );
    expect((await slotsOf(USERS.aiko.id))[0]!.status).toBe('open');
  });

  it('names a missing or unknown id', async () => {
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'remove')).text).toContain(
      '枠の番号を指定してください',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'remove 99999')).text).toContain(
      '枠 #99999 は見つかりませんでした',
    );
  });
});

describe('the slots modal', () => {
  it('opens from /slots with no text', async () => {
    await h.slack.command(USERS.aiko.id, '/slots', '');
    const call = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0], 3000, 'views.open');
    const view = call.args.view as { callback_id: string; blocks: Array<{ block_id: string }> };
    expect(view.callback_id).toBe('slots_add_modal');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['slots_month', 'slots_entries', 'slots_preview']);
  });

  const submit = (entries: string, month = '2026-12') =>
    h.slack.viewSubmission(
      USERS.aiko.id,
      { callbackId: 'slots_add_modal', privateMetadata: JSON.stringify({}) },
      {
        slots_month: { month: { type: 'static_select', selected_option: { value: month } } },
        slots_entries: { entries: { type: 'plain_text_input', value: entries } },
      },
    );

  it('shows a bad entry on the field and stores nothing', async () => {
    const res = await submit('3日 19:00\n12日 25:00');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { slots_entries: expect.stringContaining('「12日 25:00」の時刻が正しくありません') },
    });
    expect(await slotsOf(USERS.aiko.id)).toEqual([]);
  });

  it('stores the entries for the chosen month and confirms by DM', async () => {
    const res = await submit('3日 19:00\n毎週火曜 20:00');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const dm = await h.fake.waitFor(() => h.fake.state.dmsTo(USERS.aiko.id)[0], 3000, 'a confirmation DM');
    // 12/3 plus the five Tuesdays of December 2026 (1, 8, 15, 22, 29).
    expect(dm.text).toContain('6枠を追加しました');
    expect(dm.text).toContain('12月: 6枠 / 5枠 — 達成です 🎉');
    expect(await slotsOf(USERS.aiko.id)).toHaveLength(6);
  });
});

describe('the Home tab', () => {
  it('publishes progress, upcoming sessions and pending write-ups when opened', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 11/26 19:00, 12/3 19:00');
    const [past, future] = await slotsOf(USERS.aiko.id);
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${past!.id}`);
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${future!.id}`);
    await h.settled(); // the Home refresh after the booking, published before the clock moves
    h.setNow('2026-11-27T10:00:00+09:00');
    try {
      h.fake.state.homes.clear();
      await h.slack.event({ type: 'app_home_opened', user: USERS.aiko.id, channel: 'DAIKO', tab: 'home' });
      const home = await h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 3000, 'views.publish');
      const text = JSON.stringify(home);
      expect(text).toContain('11月: 1枠 / 5枠 — あと4枠');
      expect(text).toContain('12月: 1枠 / 5枠 — あと4枠');
      expect(text).toContain(`#${future!.id}`);
      expect(text).toContain('11/26(木) 19:00–20:00 のセッション');
      expect(text).toContain('writeup_done');
    } finally {
      h.setNow('2026-11-25T10:00:00+09:00');
    }
  });

  it('marks a write-up sent from the Home button, only for the owner', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 11/26 19:00');
    const [slot] = await slotsOf(USERS.aiko.id);
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot!.id}`);
    await h.settled(); // the Home refresh after the booking, published before the clock moves
    h.setNow('2026-11-27T10:00:00+09:00');
    try {
      await h.slack.blockAction(USERS.ken.id, { actionId: 'writeup_done', value: String(slot!.id) });
      const err = await h.fake.waitFor(() => h.fake.state.dmsTo(USERS.ken.id)[0], 3000, 'an error DM');
      expect(err.text).toContain('あなたの枠ではない');
      // The booking's Home also said "no pending write-ups" (the session was still ahead): wait for the
      // one the button publishes.
      h.fake.state.homes.delete(USERS.aiko.id);
      await h.slack.blockAction(USERS.aiko.id, { actionId: 'writeup_done', value: String(slot!.id) });
      const row = await h.fake.waitFor(
        () =>
          h.fake.state.homes.get(USERS.aiko.id) &&
          JSON.stringify(h.fake.state.homes.get(USERS.aiko.id)).includes('送付待ちのまとめはありません'),
        3000,
        'home without pending write-ups',
      );
      expect(row).toBe(true);
      const stored = (await slotsOf(USERS.aiko.id))[0]!;
      expect(stored.writeup_done_at).not.toBeNull();
    } finally {
      h.setNow('2026-11-25T10:00:00+09:00');
    }
  });
});
