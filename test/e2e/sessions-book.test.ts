/**
 * `/slots book <id> [alias] [plan] [topic…]` and `/slots unbook`: the session record, the personal-data
 * guard, the default plan from the slot's length, the booking DM with its ask-peers button (which opens the
 * /consult modal filled in; the consultation posted from it links to the session). "Now" is Wed 2026-11-25
 * 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  for (const t of ['sessions', 'consultations', 'slots', 'deliveries'] as const)
    await h.database.db.deleteFrom(t).execute();
  h.fake.reset();
});

const addSlot = async (user: string, entry: string) => {
  await h.slack.ask(user, '/slots', `add ${entry}`);
  const row = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row;
};
const sessions = () => h.database.db.selectFrom('sessions').selectAll().orderBy('id').execute();
const slotStatus = async (id: number) =>
  (await h.database.db.selectFrom('slots').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
const bookingDm = (user: string) =>
  eventually(
    () =>
      h.fake.state
        .dmsTo(user)
        .find((m) => m.text.includes('予約が入りました') || m.text.includes('New booking')),
    5000,
    'the booking DM',
  );

describe('/slots book', () => {
  it('records the session, answers at once and DMs the supporter the booking with an ask-peers button', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
    const reply = await h.slack.ask(
      USERS.aiko.id,
      '/slots',
      `予約 ${slot.id} Aさん 初回 転職の軸が <!channel> 定まらない`,
    );
    expect(reply.text).toContain(`枠 #${slot.id}（12/3(木) 19:00–20:30）を予約済みにしました（初回・Aさん）`);
    expect(await slotStatus(slot.id)).toBe('booked');
    const [s] = await sessions();
    expect(s).toMatchObject({
      slot_id: slot.id,
      supporter_id: USERS.aiko.id,
      client_alias: 'Aさん',
      plan: 'first',
      topic: '転職の軸が <!channel> 定まらない',
      source: 'command',
      consultation_id: null,
    });
    const dm = await bookingDm(USERS.aiko.id);
    expect(dm.text).toContain('• 日時: 12/3(木) 19:00–20:30');
    expect(dm.text).toContain('• プラン: 初回');
    expect(dm.text).toContain('• 相談者: Aさん');
    // The client's words are escaped: `<!channel>` typed into the topic never notifies a channel.
    expect(dm.text).toContain('• 相談内容: 転職の軸が &lt;!channel&gt; 定まらない');
    expect(dm.text).not.toContain('<!channel>');
    const blocks = JSON.stringify(dm.blocks);
    expect(blocks).toContain('"action_id":"session_ask_peers"');
    expect(blocks).toContain(`"value":"${s!.id}"`);
    expect(blocks).toContain('仲間に相談する');
  });

  it('takes the plan from the slot length when none is named: 45 → light, 90 → first, else follow-up', async () => {
    const light = await addSlot(USERS.aiko.id, '12/4 19:00 45');
    const first = await addSlot(USERS.aiko.id, '12/5 19:00 90');
    const other = await addSlot(USERS.aiko.id, '12/6 19:00');
    for (const slot of [light, first, other]) await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id}`);
    expect((await sessions()).map((s) => [s.slot_id, s.plan, s.client_alias, s.topic])).toEqual([
      [light.id, 'light', '', ''],
      [first.id, 'first', '', ''],
      [other.id, 'followup', '', ''],
    ]);
  });

  it('reads a plan word right after the id as the plan (no alias)', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/4 19:00 45');
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} 継続 前回の続き`);
    expect((await sessions())[0]).toMatchObject({ client_alias: '', plan: 'followup', topic: '前回の続き' });
  });

  it('refuses personal data in the alias or topic and stores nothing', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/4 19:00');
    const phone = await h.slack.ask(
      USERS.aiko.id,
      '/slots',
      `book ${slot.id} Aさん 連絡は 090-1234-5678 まで`,
    );
    expect(phone.text).toContain('電話番号');
    const mail = await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} a@example.com`);
    expect(mail.text).toContain('メールアドレス');
    const long = await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} ${'あ'.repeat(21)}`);
    expect(long.text).toContain('最大 20 文字');
    // A client's real name as the alias (the contract: never a real name) — the name analyser reads it.
    const name = await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} 山田太郎さん 初回 転職の相談`);
    expect(name.text).toContain('人名');
    expect(name.text).toContain('山田太郎さん');
    expect(await sessions()).toEqual([]);
    expect(await slotStatus(slot.id)).toBe('open');
    await h.settled();
    expect(h.fake.state.dmsTo(USERS.aiko.id)).toEqual([]);
  });

  it('books only your own open slots', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/4 19:00');
    expect((await h.slack.ask(USERS.ken.id, '/slots', `book ${slot.id}`)).text).toContain(
      'あなたの枠ではない',
    );
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id}`);
    expect((await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id}`)).text).toContain('予約済み');
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'book 99999')).text).toContain(
      '#99999 は見つかりませんでした',
    );
    expect(await sessions()).toHaveLength(1);
  });

  it('answers an English supporter in English', async () => {
    const slot = await addSlot(USERS.emma.id, '2026-12-03 19:00 45');
    const reply = await h.slack.ask(USERS.emma.id, '/slots', `book ${slot.id} B-san light career break`);
    expect(reply.text).toContain(`Slot #${slot.id} (Thu 12/3 19:00–19:45) is booked (light, B-san)`);
    const dm = await bookingDm(USERS.emma.id);
    expect(dm.text).toContain('*New booking*');
    expect(dm.text).toContain('• Plan: light');
    expect(dm.text).toContain('• Topic: career break');
    expect(JSON.stringify(dm.blocks)).toContain('Ask peers');
  });
});

describe('/slots unbook', () => {
  it('removes the session with the booking; a new booking of the slot is a new session with its own DM', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/4 19:00');
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} Aさん`);
    await bookingDm(USERS.aiko.id);
    const first = (await sessions())[0]!;
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `予約取消 ${slot.id}`);
    expect(reply.text).toContain('空きに戻しました');
    expect(await sessions()).toEqual([]);
    expect(await slotStatus(slot.id)).toBe('open');

    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} Bさん`);
    const second = (await sessions())[0]!;
    expect(second.id).not.toBe(first.id);
    await eventually(
      () => h.fake.state.dmsTo(USERS.aiko.id).filter((m) => m.text.includes('予約が入りました')).length === 2,
    );
    expect(h.fake.state.dmsTo(USERS.aiko.id).at(-1)!.text).toContain('Bさん');
  });
});

describe('the ask-peers button', () => {
  it('opens the /consult modal filled in from the session; the consultation posted links to it', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} Aさん 初回 営業から人事へのキャリアチェンジ`);
    const dm = await bookingDm(USERS.aiko.id);
    const session = (await sessions())[0]!;
    h.fake.clearCalls();
    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'session_ask_peers', value: String(session.id) },
      { channel: dm.channel, messageTs: dm.ts },
    );
    const call = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0], 3000, 'views.open');
    const view = call.args.view as {
      callback_id: string;
      blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
    };
    expect(view.callback_id).toBe('consult_modal');
    const el = (id: string) => view.blocks.find((b) => b.block_id === id)!.element;
    expect(el('session_date').initial_date).toBe('2026-12-03');
    expect(el('session_time').initial_time).toBe('19:00');
    expect(el('plan').initial_option).toMatchObject({ value: 'first' });
    expect(el('topic').initial_value).toBe('営業から人事へのキャリアチェンジ');

    const res = await h.slack.viewSubmission(
      USERS.aiko.id,
      { callbackId: 'consult_modal' },
      {
        session_date: { value: { type: 'datepicker', selected_date: '2026-12-03' } },
        session_time: { value: { type: 'timepicker', selected_time: '19:00' } },
        plan: { value: { type: 'static_select', selected_option: { value: 'first' } } },
        topic: { value: { type: 'plain_text_input', value: '営業から人事へのキャリアチェンジ' } },
        question: { value: { type: 'plain_text_input', value: '人事の実務をどう伝えるとよい？' } },
        tags: { value: { type: 'multi_static_select', selected_options: [{ value: '人事' }] } },
      },
    );
    expect(res.status).toBe(200);
    const linked = await eventually(async () => (await sessions())[0]?.consultation_id, 5000, 'the link');
    const c = await h.database.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', linked)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ slot_id: slot.id, plan: 'first' });
  });

  it('tells someone else the button is not theirs and opens nothing', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
    await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id}`);
    const dm = await bookingDm(USERS.aiko.id);
    const session = (await sessions())[0]!;
    h.fake.clearCalls();
    await h.slack.blockAction(
      USERS.ken.id,
      { actionId: 'session_ask_peers', value: String(session.id) },
      { channel: dm.channel, messageTs: dm.ts },
    );
    await h.settled();
    expect(h.fake.callsTo('views.open')).toEqual([]);
    expect(h.fake.state.ephemerals.find((e) => e.user === USERS.ken.id)?.text).toContain(
      'あなた宛てのボタンではない',
    );
  });
});
