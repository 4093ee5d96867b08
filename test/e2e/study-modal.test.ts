/**
 * The /study modal (open, field errors, a valid submission) and /study with no study channel configured.
 * The commands, RSVP buttons and the waiting list: ./study.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { STUDY, startStudyHarness } from '../helpers/study.js';

let h: Harness;
beforeAll(async () => {
  h = await startStudyHarness();
});
afterAll(async () => {
  await h?.stop();
});

const sessions = () => h.database.db.selectFrom('study_sessions').selectAll().orderBy('id').execute();
const latest = async () => (await sessions()).at(-1)!;
const shown = (ts: string) => JSON.stringify(h.fake.state.findMessage(STUDY, ts)!.blocks);

describe('the /study modal', () => {
  const values = (over: Record<string, Record<string, unknown>> = {}) => {
    const base: Record<string, Record<string, unknown>> = {
      title: { type: 'plain_text_input', value: 'フリーランス支援の最前線 #フリーランス' },
      date: { type: 'datepicker', selected_date: '2026-12-20' },
      time: { type: 'timepicker', selected_time: '10:00' },
      minutes: { type: 'number_input', value: '120' },
      host: { type: 'users_select', selected_user: USERS.ken.id },
      description: { type: 'plain_text_input', value: 'Zoom で開催します。' },
      capacity: { type: 'number_input', value: '8' },
      ...over,
    };
    return Object.fromEntries(Object.entries(base).map(([block, v]) => [block, { value: v }]));
  };
  const submit = (v: ReturnType<typeof values>) =>
    h.slack.viewSubmission(USERS.aiko.id, { callbackId: 'study_modal' }, v);

  it('opens from /study with no text, with you as the default host', async () => {
    await h.slack.command(USERS.aiko.id, '/study', '');
    const call = await h.fake.waitFor(
      () =>
        h.fake
          .callsTo('views.open')
          .find((c) => (c.args.view as { callback_id: string }).callback_id === 'study_modal'),
      3000,
      'views.open',
    );
    const view = JSON.stringify(call.args.view);
    expect(view).toContain('"type":"users_select"');
    expect(view).toContain(`"initial_user":"${USERS.aiko.id}"`);
    expect(view).toContain('"type":"datepicker"');
    expect(view).toContain('"type":"timepicker"');
    expect(view).toContain('定員（任意）');
  });

  it('shows errors on their fields and stores nothing', async () => {
    const before = (await sessions()).length;
    const past = await submit(values({ date: { type: 'datepicker', selected_date: '2026-11-01' } }));
    expect(past.json).toEqual({
      response_action: 'errors',
      errors: { date: expect.stringContaining('すでに過ぎた日時です') },
    });
    const untitled = await submit(values({ title: { type: 'plain_text_input', value: '  #採用 ' } }));
    expect(untitled.json).toEqual({
      response_action: 'errors',
      errors: { title: expect.stringContaining('タイトルがありません') },
    });
    const capacity = await submit(values({ capacity: { type: 'number_input', value: '0' } }));
    expect(capacity.json).toEqual({
      response_action: 'errors',
      errors: { capacity: expect.stringContaining('定員は 1〜') },
    });
    expect((await sessions()).length).toBe(before);
  });

  it('announces a valid submission with the chosen host and capacity, and confirms by DM', async () => {
    const res = await submit(values());
    expect(res.body).toBe('');
    const dm = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes('フリーランス支援の最前線')),
      5000,
      'a confirmation DM',
    );
    const s = await latest();
    expect(dm.text).toContain(`勉強会 #${s.id}`);
    expect(s).toMatchObject({
      host_id: USERS.ken.id,
      created_by: USERS.aiko.id,
      title: 'フリーランス支援の最前線',
      minutes: 120,
      capacity: 8,
      description: 'Zoom で開催します。',
      start_at: '2026-12-20T01:00:00.000Z',
    });
    expect(shown(s.ts!)).toContain(`ホスト: <@${USERS.ken.id}> ・ 120分 ・ 定員 8名`);
    expect(shown(s.ts!)).toContain('Zoom で開催します。');
    // The chosen host (not the creator) may cancel it.
    expect((await h.slack.ask(USERS.ken.id, '/study', `cancel ${s.id}`)).text).toContain('中止にしました');
  });
});

describe('without a study channel', () => {
  it('says clearly, in words, that no study channel is set up', async () => {
    const bare = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
    try {
      for (const text of ['add 12/10 20:00 勉強会', '']) {
        const reply = await bare.slack.ask(USERS.aiko.id, '/study', text);
        // Users see words, never a setting's name (#23 item 7).
        expect(reply.text).toContain('勉強会を告知するチャンネルがまだ設定されていません');
        expect(reply.text).not.toMatch(/[A-Z_]{4,}/);
      }
      expect(await bare.database.db.selectFrom('study_sessions').selectAll().execute()).toEqual([]);
      expect(bare.fake.callsTo('views.open')).toEqual([]);
    } finally {
      await bare.stop();
    }
  });
});
