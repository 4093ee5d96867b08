/**
 * The slots modal shows what will be stored while the supporter types (#21): Slack sends block_actions for
 * the `dispatch_action` inputs, the app answers with views.update carrying the payload's hash, and the
 * emulator refuses a stale hash as Slack does. "Now" is Wed 2026-11-25 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stateValues } from '../../emulator/viewState.js';
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
  await h.settled();
  await h.database.db.deleteFrom('slots').execute();
  await h.database.db.deleteFrom('supporter_months').execute();
  h.fake.reset();
});

const user: string = USERS.aiko.id;
const ENTRIES = { blockId: 'slots_entries', actionId: 'entries' };
const MONTH = { blockId: 'slots_month', actionId: 'month' };

const openModal = async (who = user): Promise<string> => {
  await h.slack.command(who, '/slots', '');
  const view = await h.fake.waitFor(
    () =>
      [...h.fake.state.views.values()].find(
        (v) => v.view.callback_id === 'slots_add_modal' && v.user === who,
      ),
    3000,
    'the slots modal',
  );
  await h.settled(); // e.g. the modal shown again in the user's Slack language
  return view.id;
};

const updates = () => h.fake.calls.filter((c) => c.method === 'views.update');

const previewOf = (viewId: string): string => {
  const blocks = h.fake.state.views.get(viewId)?.view.blocks as Array<{
    block_id?: string;
    elements?: Array<{ text: string }>;
  }>;
  return blocks.find((b) => b.block_id === 'slots_preview')?.elements?.[0]?.text ?? '';
};

/** Types `text` and waits until the preview has been updated with it (n views.update calls so far). */
const type = async (
  viewId: string,
  text: string,
  n: number,
  opts: { hash?: string; actionTs?: string } = {},
) => {
  const sent = await h.slack.typeInModal(user, viewId, { ...ENTRIES, value: text }, opts);
  expect(sent?.status).toBe(200);
  await h.fake.waitFor(() => updates().length >= n || undefined, 3000, `views.update #${n}`);
  await h.settled();
};

const WHEN = /\d+(?:\/\d+){1,2}\([^)]+\)(?:\(祝\))? \d\d:\d\d–\d\d:\d\d/g;

describe('the slots modal preview', () => {
  it('asks Slack for an action on every character, and says where the preview will appear', async () => {
    const viewId = await openModal();
    const view = h.fake.state.views.get(viewId)!.view as { blocks: Array<Record<string, unknown>> };
    const entries = view.blocks.find((b) => b.block_id === 'slots_entries')!;
    expect(entries.dispatch_action).toBe(true);
    expect(entries.element).toMatchObject({
      dispatch_action_config: { trigger_actions_on: ['on_character_entered'] },
    });
    expect(previewOf(viewId)).toBe('入力すると、追加される枠がここに表示されます。');
  });

  it('shows each slot that will be stored as the supporter types, keeping what they typed', async () => {
    const viewId = await openModal();
    await type(viewId, '12/8 20:00\n12/10 19:00 初回', 1);
    const preview = previewOf(viewId);
    expect(preview).toContain('追加される枠（2枠）');
    expect(preview).toContain('• 12/8(火) 20:00–21:00 継続（60分）');
    expect(preview).toContain('• 12/10(木) 19:00–20:30 初回（90分）');
    const call = updates()[0]!;
    expect(call.ok).toBe(true);
    expect(call.args.view_id).toBe(viewId);
    // Same block_id and action_id: Slack keeps the typed text across the update.
    const fv = h.fake.state.views.get(viewId)!;
    expect(stateValues(fv).slots_entries?.entries).toMatchObject({ value: '12/8 20:00\n12/10 19:00 初回' });
    expect(await h.database.db.selectFrom('slots').selectAll().execute()).toEqual([]);
  });

  it('speaks English to an English-speaking supporter', async () => {
    const viewId = await openModal(USERS.emma.id);
    const before = updates().length;
    await h.slack.typeInModal(USERS.emma.id, viewId, { ...ENTRIES, value: '12/8 20:00' });
    await h.fake.waitFor(
      () => previewOf(viewId).includes('Slots to add') || undefined,
      3000,
      'the English preview',
    );
    expect(updates().length).toBeGreaterThan(before);
    expect(previewOf(viewId)).toContain('• Tue 12/8 20:00–21:00 follow-up (60 min)');
  });

  it('quotes the part it cannot read, as /slots add would', async () => {
    const viewId = await openModal();
    await type(viewId, '12/3 19:00 ほげ', 1);
    expect(previewOf(viewId)).toContain('「12/3 19:00 ほげ」の「ほげ」が読めませんでした');
    const reply = await h.slack.ask(user, '/slots', 'add 12/3 19:00 ほげ');
    expect(previewOf(viewId)).toBe(reply.text);
  });

  it('shows the month a dated slot really goes into, whatever the month field says', async () => {
    const viewId = await openModal();
    const picked = await h.slack.typeInModal(user, viewId, { ...MONTH, value: { value: '2027-01' } });
    expect(picked?.status).toBe(200);
    await h.fake.waitFor(() => updates().length >= 1 || undefined, 3000, 'the preview after the month');
    await type(viewId, '12/18 20:00\n3日 19:00', 2);
    const preview = previewOf(viewId);
    expect(preview).toContain('• 12/18(金) 20:00–21:00');
    expect(preview).toContain('• 2027/1/3(日) 19:00–20:00');
    expect(preview).toContain('日付を書いた枠は、その日付の月に入ります（2026年12月）');
  });

  it('drops an older keystroke that lost the race (hash_conflict), and the newest one wins', async () => {
    const viewId = await openModal();
    // Keystroke 1's update is slow to reach Slack; keystroke 2, typed after it, updates the view first.
    h.fake.injectFault({ method: 'views.update', kind: 'delay', ms: 400, times: 1 });
    const t = Date.now() / 1000;
    await h.slack.typeInModal(user, viewId, { ...ENTRIES, value: '12/3 19:00' }, { actionTs: `${t}` });
    await new Promise((r) => setTimeout(r, 100));
    await h.slack.typeInModal(
      user,
      viewId,
      { ...ENTRIES, value: '12/3 19:00 90' },
      { actionTs: `${t + 0.05}` },
    );
    await h.fake.waitFor(() => updates().length >= 2 || undefined, 3000, 'both updates');
    await h.settled();
    // The newer one landed; the older one came with the hash from before it and was refused.
    expect(updates().map((c) => c.ok)).toEqual([true, false]);
    expect(previewOf(viewId)).toContain('12/3(木) 19:00–20:30 初回（90分）');

    // The app is still there: the next keystroke updates the preview.
    await type(viewId, '12/3 19:00 45', 3);
    expect(updates()[2]?.ok).toBe(true);
    expect(previewOf(viewId)).toContain('12/3(木) 19:00–19:45 ライト（45分）');
  });

  it('retries the newest keystroke when it carried the hash from before the last update', async () => {
    const viewId = await openModal();
    const firstHash = h.fake.state.views.get(viewId)!.hash!;
    await type(viewId, '12/3 19:00', 1);
    const afterFirst = h.fake.state.views.get(viewId)!.hash;
    expect(afterFirst).not.toBe(firstHash);
    // Sent before the first update landed, so it carries the first hash; it is the newest keystroke.
    await type(viewId, '12/3 19:00 90', 3, { hash: firstHash });
    const [, conflict, retry] = updates();
    expect(conflict).toMatchObject({ ok: false, args: { hash: firstHash } });
    expect(retry?.ok).toBe(true);
    expect(retry?.args.hash).toBe(afterFirst);
    expect(previewOf(viewId)).toContain('12/3(木) 19:00–20:30 初回（90分）');
  });

  it('stores exactly what the preview showed', async () => {
    const viewId = await openModal();
    await type(viewId, '明日 19時\n来週火曜 20:00-21:30\n12/18 20:00 ライト', 1);
    const shown = previewOf(viewId).match(WHEN);
    expect(shown).toHaveLength(3);
    const fv = h.fake.state.views.get(viewId)!;
    const res = await h.slack.viewSubmission(
      user,
      { id: viewId, callbackId: 'slots_add_modal', privateMetadata: String(fv.view.private_metadata ?? '') },
      stateValues(fv),
    );
    expect(res.status).toBe(200);
    // The modal was opened from #general, where the bot is not a member: Slack refuses an ephemeral
    // there (not_in_channel), so the confirmation comes to her DM instead.
    const reply = await h.fake.waitFor(
      () =>
        h.fake.state.ephemerals.find((e) => e.user === user && e.via === 'chat.postEphemeral') ??
        h.fake.state.dmsTo(user).find((m) => m.text.match(WHEN)),
      3000,
      'the confirmation',
    );
    expect(reply.text.match(WHEN)).toEqual(shown);
    const rows = await h.database.db.selectFrom('slots').selectAll().orderBy('start_at').execute();
    expect(rows.map((r) => [r.start_at, r.minutes])).toEqual([
      ['2026-11-26T10:00:00.000Z', 60],
      ['2026-12-01T11:00:00.000Z', 90],
      ['2026-12-18T11:00:00.000Z', 45],
    ]);
  });
});
