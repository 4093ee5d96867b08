/**
 * Dates as people write them (issue #21), end to end: the new forms through signed `/slots add`, `/study add`
 * and `/consult` against the real app and the fake Slack — one parser for all three — and the replies that
 * quote what could not be read. "Now" is Wed 2026-11-25 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { Harness } from '../helpers/harness.js';
import { startStudyHarness } from '../helpers/study.js';

let h: Harness;
beforeAll(async () => {
  h = await startStudyHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  await h.database.db.deleteFrom('slots').execute();
});

const slotsOf = (userId: string) =>
  h.database.db
    .selectFrom('slots')
    .select(['start_at', 'minutes'])
    .where('supporter_id', '=', userId)
    .where('status', '!=', 'cancelled')
    .orderBy('start_at')
    .execute();

describe('/slots add', () => {
  it('stores a bulleted list pasted from chat, in the forms people write', async () => {
    const reply = await h.slack.ask(
      USERS.aiko.id,
      '/slots',
      'add ・明日 19時\n・来週火曜 20:00-21:00\n・12/3(木) 夜7時〜8時半\n・12/4 23:00-0:30\n① 十二月五日 十時',
    );
    expect(reply.text).toContain('5枠を追加しました');
    for (const line of [
      '11/26(木) 19:00–20:00',
      '12/1(火) 20:00–21:00',
      '12/3(木) 19:00–20:30',
      '12/4(金) 23:00–00:30',
      '12/5(土) 10:00–11:00',
    ]) {
      expect(reply.text).toContain(line);
    }
    expect(await slotsOf(USERS.aiko.id)).toEqual([
      { start_at: '2026-11-26T10:00:00.000Z', minutes: 60 },
      { start_at: '2026-12-01T11:00:00.000Z', minutes: 60 },
      { start_at: '2026-12-03T10:00:00.000Z', minutes: 90 },
      { start_at: '2026-12-04T14:00:00.000Z', minutes: 90 },
      { start_at: '2026-12-05T01:00:00.000Z', minutes: 60 },
    ]);
  });

  it('reads English forms for an English user', async () => {
    const reply = await h.slack.ask(USERS.emma.id, '/slots', 'add tomorrow 7pm, Thursday, 3 Dec 19:00');
    expect(reply.text).toContain('Added 2 slots');
    expect(reply.text).toContain('Thu 11/26 19:00–20:00');
    expect(reply.text).toContain('Thu 12/3 19:00–20:00');
  });

  it.each([
    ['add 12/3 19:00 ほげ', '「12/3 19:00 ほげ」の「ほげ」が読めませんでした'],
    ['add 11/20 19:00', '「11/20 19:00」の「11/20」は5日前に過ぎています。来年のことなら `2027/11/20`'],
    ['add 12/3 19:00 (金)', '12/3 は木曜日です（「(金)」と書かれています）'],
    ['add 12/3 19:00-20:00 初回', '長さが合いません: 60分と「初回」（90分）'],
    ['add 12/3 夜1時', '午前か午後か分かりません（「夜1時」）'],
  ])('%s → says which part, stores nothing', async (text, expected) => {
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', text);
    expect(reply.text).toContain(expected);
    expect(await slotsOf(USERS.aiko.id)).toEqual([]);
  });
});

describe('/study add and /consult use the same parser', () => {
  it('announces a study session written as 来週火曜 20時', async () => {
    await h.slack.ask(USERS.aiko.id, '/study', 'add 来週火曜 20時 90 新しい書式の勉強会 #採用');
    const s = (await h.database.db
      .selectFrom('study_sessions')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirst())!;
    expect(s).toMatchObject({
      title: '新しい書式の勉強会',
      start_at: '2026-12-01T11:00:00.000Z',
      minutes: 90,
    });
  });

  it('refuses a study session on a date that just passed, saying so', async () => {
    const reply = await h.slack.ask(USERS.aiko.id, '/study', 'add 11/20 19:00 振り返り会');
    expect(reply.text).toContain('5日前に過ぎています');
  });

  it('posts a consultation for 明日 19:00 and books that time', async () => {
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '明日 19:00 初回 面談の進め方に迷っています #HR');
    expect(r.text).toContain('を投稿しました');
    const c = (await h.database.db
      .selectFrom('consultations')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirst())!;
    expect(c.session_start).toBe('2026-11-26T10:00:00.000Z');
  });

  it('tells /consult that a date just passed instead of "could not read"', async () => {
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '11/20 19:00 初回 面談の進め方 #HR');
    expect(r.text).toContain('5日前に過ぎています');
  });
});
