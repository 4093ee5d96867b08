/**
 * What a newcomer tripped over in the sandbox (#23): a session as long as its plan, replies that say what
 * happened to which slot, expertise that is refused rather than cut, counts that don't read like dates.
 * Signed slash commands against the real app; what Slack would show is what is asserted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';

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

const db = () => h.database.db;
const slotsOf = (user: string) =>
  db().selectFrom('slots').selectAll().where('supporter_id', '=', user).orderBy('start_at').execute();
const consultations = () => db().selectFrom('consultations').selectAll().orderBy('id').execute();
const lastPost = () => JSON.stringify(h.fake.state.channelMessages(ADVICE_CHANNEL).at(-1)?.blocks);

describe('/consult: one length per session (#23 item 1) and what happened to which slot (item 2)', () => {
  it('extends a 60-minute slot to the 90 minutes of 初回 when the time after it is free, and says so', async () => {
    await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/10 19:00');
    const [slot] = await slotsOf(USERS.aiko.id);
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '12/10 19:00 初回 転職の軸の見つけ方 #人事');
    const [c] = (await consultations()).slice(-1);
    expect(c!.slot_id).toBe(slot!.id);
    const [after] = await slotsOf(USERS.aiko.id);
    expect(after).toMatchObject({
      id: slot!.id,
      minutes: 90,
      status: 'booked',
      end_at: '2026-12-10T11:30:00.000Z',
    });
    // The post shows one length: the plan's.
    expect(lastPost()).toContain(`相談 #${c!.id} ・ 12/10(木) 19:00–20:30 初回（90分）`);
    expect(r.text).toContain(`相談 #${c!.id} を投稿しました`);
    expect(r.text).toContain(`空いていた枠 #${slot!.id}（12/10(木) 19:00–20:30）を予約済みにしました`);
    expect(r.text).toContain(`枠 #${slot!.id} の長さをプランに合わせて60分から90分にしました`);
  });

  it('names the slot in the way when the plan would run into it, and stores and posts nothing', async () => {
    await h.slack.ask(USERS.ken.id, '/slots', 'add 12/11 19:00, 12/11 20:00');
    const [first, second] = await slotsOf(USERS.ken.id);
    const posts = h.fake.state.channelMessages(ADVICE_CHANNEL).length;
    const count = (await consultations()).length;
    const r = await h.slack.ask(USERS.ken.id, '/consult', '12/11 19:00 初回 面接の練習 #面接対策');
    expect(r.text).toContain(
      `枠 #${first!.id} を初回（90分）の長さに延ばすと、枠 #${second!.id}（12/11(金) 20:00–21:00）と重なります`,
    );
    expect(r.text).toContain('何も投稿していません');
    expect(h.fake.state.channelMessages(ADVICE_CHANNEL)).toHaveLength(posts);
    expect(await consultations()).toHaveLength(count);
    expect((await slotsOf(USERS.ken.id)).map((s) => [s.minutes, s.status])).toEqual([
      [60, 'open'],
      [60, 'open'],
    ]);
  });

  it('says when it created a booked slot that counts toward the quota (en too)', async () => {
    await h.slack.ask(USERS.emma.id, '/supporter', 'lang en');
    const r = await h.slack.ask(USERS.emma.id, '/consult', '12/12 10:00 light How to open the session? #HR');
    const [slot] = await slotsOf(USERS.emma.id);
    const [c] = (await consultations()).slice(-1);
    expect(slot).toMatchObject({ minutes: 45, status: 'booked' });
    expect(r.text).toContain(`Consultation #${c!.id}`);
    expect(r.text).toContain(
      `You had no slot at that time, so I created booked slot #${slot!.id} (Sat 12/12 10:00–10:45); it counts toward your Dec 2026 quota.`,
    );
  });

  it('help tells slot numbers from consultation numbers', async () => {
    const help = await h.slack.ask(USERS.yui.id, '/consult', 'help');
    expect(help.text).toContain('「相談 #3」は相談の番号、「枠 #26」は枠の番号です');
  });

  it('a failed post puts the slot back as it was: open and 60 minutes', async () => {
    await h.slack.ask(USERS.yui.id, '/slots', 'add 12/14 19:00');
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'not_in_channel' });
    await h.slack.ask(USERS.yui.id, '/consult', '12/14 19:00 初回 強みの見つけ方 #人事');
    const [slot] = await slotsOf(USERS.yui.id);
    expect(slot).toMatchObject({ minutes: 60, status: 'open', end_at: '2026-12-14T11:00:00.000Z' });
  });
});

describe('/supporter expertise (#23 item 5)', () => {
  it('refuses a tag that is too long, naming the limit, and keeps the old expertise', async () => {
    await h.slack.ask(USERS.ken.id, '/supporter', 'expertise 人事 採用');
    const long = 'あ'.repeat(300);
    const r = await h.slack.ask(USERS.ken.id, '/supporter', `expertise 🍣 ${long}`);
    expect(r.text).toContain('300文字あります。1つ30文字までにして');
    expect(r.text).toContain('専門分野は変えていません');
    expect(r.text).not.toContain('登録しました');
    const status = await h.slack.ask(USERS.ken.id, '/supporter', 'status');
    expect(status.text).toMatch(/専門: (#人事 #採用|#採用 #人事)/);
  });

  it('refuses more tags than it keeps, saying how many', async () => {
    const r = await h.slack.ask(USERS.ken.id, '/supporter', 'expertise a b c d e f g h i j k');
    expect(r.text).toContain('専門分野は10個までです（11個ありました）');
  });
});

describe('counts that never read like a date (#23 item 6)', () => {
  it('writes 1枠 / 5枠 in /slots list and /supporter status', async () => {
    const list = await h.slack.ask(USERS.aiko.id, '/slots', 'list 2026-12');
    expect(list.text).toContain('12月: 1枠 / 5枠 — あと4枠');
    expect(list.text).not.toMatch(/\d+\/\d+ 枠/);
  });
});

describe('the Home tab offers to take back a month already away (#23 item 8)', () => {
  const home = async () => {
    h.fake.state.homes.clear();
    await h.slack.event({ type: 'app_home_opened', user: USERS.yui.id, channel: 'DYUI', tab: 'home' });
    return JSON.stringify(
      await h.fake.waitFor(() => h.fake.state.homes.get(USERS.yui.id), 3000, 'views.publish'),
    );
  };

  it('shows 休みを取り消す once December is away, and the button takes it back', async () => {
    expect(await home()).toContain('12月を休みにする');
    await h.slack.ask(USERS.yui.id, '/supporter', 'away 2026-12');
    const away = await home();
    expect(away).toContain('12月の休みを取り消す');
    expect(away).not.toContain('12月を休みにする');
    h.fake.state.homes.clear();
    await h.slack.blockAction(USERS.yui.id, { actionId: 'unset_away', value: '2026-12' });
    await h.fake.waitFor(() => h.fake.state.homes.get(USERS.yui.id), 3000, 'the Home after the click');
    const status = await h.slack.ask(USERS.yui.id, '/supporter', 'status');
    expect(status.text).toContain('休み: なし');
    expect(await home()).toContain('12月を休みにする');
  });
});
