/**
 * Shortcuts end to end through signed payloads: the message shortcut turns a post into the /consult modal
 * with the post as the question (the PII guard on submit), the global shortcut opens the slots modal, and
 * only shortcuts the manifest declares ever reach the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import type { FakeView } from '../../emulator/state.js';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});

const CHANNEL = 'CGENERAL';
const consultations = () => h.database.db.selectFrom('consultations').selectAll().orderBy('id').execute();

/** A message someone posted, stored in the fake as Slack stores it (text with &, <, > escaped). */
const postMessage = (user: string, text: string) => {
  const ts = h.fake.state.nextTs();
  h.fake.state.messages.push({ channel: CHANNEL, ts, user, text });
  return { channel: CHANNEL, ts };
};

type Block = { block_id?: string; element?: { initial_value?: string; max_length?: number } };
const questionField = (v: FakeView) =>
  (v.view.blocks as Block[]).find((b) => b.block_id === 'question')?.element;

/** The modal the app opened for `user` after `before` views existed. */
const openedModal = (user: string, callbackId: string, before: number) =>
  h.fake.waitFor(
    () =>
      [...h.fake.state.views.values()]
        .slice(before)
        .find((v) => v.user === user && v.kind === 'modal' && v.view.callback_id === callbackId),
    3000,
    `the ${callbackId} modal`,
  );

const submitConsult = (user: string, question: string) =>
  h.slack.viewSubmission(
    user,
    { callbackId: 'consult_modal' },
    {
      session_date: { value: { type: 'datepicker', selected_date: '2026-12-12' } },
      session_time: { value: { type: 'timepicker', selected_time: '19:00' } },
      plan: { value: { type: 'static_select', selected_option: { value: 'first' } } },
      topic: { value: { type: 'plain_text_input', value: '' } },
      question: { value: { type: 'plain_text_input', value: question } },
      tags: { value: { type: 'multi_static_select', selected_options: [] } },
      extra_tags: { value: { type: 'plain_text_input', value: '' } },
    },
  );

describe('the manifest', () => {
  it('declares the message and the global shortcut within Slack’s limits', () => {
    const shortcuts = appManifest().shortcuts;
    expect(shortcuts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'この投稿を相談にする',
          type: 'message',
          callbackId: 'consult_from_message',
        }),
        expect.objectContaining({ name: '枠を登録', type: 'global', callbackId: 'add_slots' }),
      ]),
    );
    // https://api.slack.com/reference/manifests#shortcuts (manifest-schema: name ≤ 24, description ≤ 150).
    for (const s of shortcuts) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
  });
});

describe('the message shortcut', () => {
  it('opens the consult modal with the message as the question, and submitting posts it', async () => {
    const msg = postMessage(
      USERS.ken.id,
      '営業 &amp; 人事の両方に興味がある方。&lt;強み&gt;の棚卸しをどう進める？',
    );
    const before = h.fake.state.views.size;
    const res = await h.slack.messageShortcut(USERS.aiko.id, msg, 'consult_from_message');
    expect(res?.status).toBe(200);
    const modal = await openedModal(USERS.aiko.id, 'consult_modal', before);
    expect(questionField(modal)?.initial_value).toBe(
      '営業 & 人事の両方に興味がある方。<強み>の棚卸しをどう進める？',
    );

    const count = (await consultations()).length;
    const submitted = await submitConsult(USERS.aiko.id, questionField(modal)!.initial_value!);
    expect(submitted.body).toBe('');
    // Stored before the ack (the modal closes on an empty ack body).
    const all = await consultations();
    expect(all.length).toBe(count + 1);
    const c = all.at(-1)!;
    expect(c).toMatchObject({
      question: '営業 & 人事の両方に興味がある方。<強み>の棚卸しをどう進める？',
      plan: 'first',
      session_start: '2026-12-12T10:00:00.000Z',
    });
    const dm = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes(`#${c.id}`)),
      3000,
      'the confirmation DM',
    );
    expect(dm.text).toContain(`#${c.id}`);
  });

  it('cuts a long message to the question field’s limit', async () => {
    const msg = postMessage(USERS.ken.id, 'あ'.repeat(2500));
    const before = h.fake.state.views.size;
    await h.slack.messageShortcut(USERS.aiko.id, msg, 'consult_from_message');
    const field = questionField(await openedModal(USERS.aiko.id, 'consult_modal', before))!;
    expect(field.initial_value!.length).toBeLessThanOrEqual(field.max_length!);
    expect(field.initial_value!.endsWith('…')).toBe(true);
  });

  it.each([
    // Emma's Slack is in English: the modal opens, then follows her language (views.update in place).
    [
      USERS.emma.id,
      'Client said: call me on 080-1234-5678. How to answer?',
      'Expertise wanted',
      'phone number',
    ],
    [USERS.aiko.id, '山田さんの相談、どう答える？', '求める専門', '人名: 「山田さん」'],
  ])(
    'refuses on submit a message with personal data (%s), and stores nothing',
    async (user, text, shown, error) => {
      const msg = postMessage(USERS.ken.id, text);
      const before = h.fake.state.views.size;
      await h.slack.messageShortcut(user, msg, 'consult_from_message');
      await openedModal(user, 'consult_modal', before);
      const modal = await h.fake.waitFor(
        () =>
          [...h.fake.state.views.values()]
            .slice(before)
            .find((v) => v.user === user && JSON.stringify(v.view).includes(shown)),
        3000,
        'the modal in the user language',
      );
      expect(questionField(modal)?.initial_value).toBe(text);
      const count = (await consultations()).length;
      const res = await submitConsult(user, questionField(modal)!.initial_value!);
      expect(res.json).toEqual({
        response_action: 'errors',
        errors: { question: expect.stringContaining(error) },
      });
      expect((await consultations()).length).toBe(count);
    },
  );
});

describe('the global shortcut', () => {
  it('opens the slots modal', async () => {
    const before = h.fake.state.views.size;
    const res = await h.slack.globalShortcut(USERS.yui.id, 'add_slots');
    expect(res?.status).toBe(200);
    const modal = await openedModal(USERS.yui.id, 'slots_add_modal', before);
    expect(JSON.stringify(modal.view)).toContain('slots_entries');
  });
});

describe('shortcuts the manifest does not declare', () => {
  it('are never sent by the emulator, and the app acks a stray one and opens nothing', async () => {
    const msg = postMessage(USERS.ken.id, '相談したいこと');
    const before = h.fake.state.views.size;
    const count = (await consultations()).length;
    expect(await h.slack.messageShortcut(USERS.aiko.id, msg, 'not_declared')).toBeUndefined();
    // add_slots is a global shortcut: no message menu offers it.
    expect(await h.slack.messageShortcut(USERS.aiko.id, msg, 'add_slots')).toBeUndefined();
    expect(await h.slack.globalShortcut(USERS.aiko.id, 'consult_from_message')).toBeUndefined();
    // Sent anyway (an old manifest, say): acked so Slack shows no error, and nothing happens.
    const stray = await h.slack.interactive({
      type: 'shortcut',
      team: { id: 'T0SUPPORT', domain: 'supporters' },
      user: { id: USERS.aiko.id, username: 'aiko', team_id: 'T0SUPPORT' },
      api_app_id: 'A0DESK',
      callback_id: 'not_declared',
      trigger_id: h.slack.nextTriggerId(USERS.aiko.id),
      action_ts: '1',
    });
    expect(stray.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.state.views.size).toBe(before);
    expect((await consultations()).length).toBe(count);
  });
});
