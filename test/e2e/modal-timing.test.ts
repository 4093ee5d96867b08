/**
 * Slack's clock for modals: a trigger_id is valid for 3 s and once
 * (https://api.slack.com/interactivity/handling#modal_responses), a view submission must be acked within
 * 3 s. With users.info slower than that, the modal still opens (views.open before any lookup) and the
 * submission is still answered with its field errors; a trigger Slack no longer takes gets a reply that
 * says to run the command again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { IDS } from '../../src/slack/ids.js';
import { type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.fake.clearFaults();
  h.fake.clearCalls();
});

/** users.info slower than a trigger_id lives. */
const slowUsersInfo = () => h.fake.injectFault({ method: 'users.info', kind: 'delay', ms: 3500 });
const methods = () => h.fake.calls.map((c) => c.method);
const modalOf = (user: string, callbackId: string) =>
  [...h.fake.state.views.values()].find((v) => v.user === user && v.view.callback_id === callbackId);

describe('opening a modal', () => {
  it('calls views.open before users.info, so a slow lookup cannot expire the trigger', async () => {
    slowUsersInfo();
    await h.slack.command(USERS.emma.id, '/slots', '');
    const opened = await h.fake.waitFor(
      () => modalOf(USERS.emma.id, IDS.slotsModal.callback),
      3000,
      'the modal',
    );
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
    // Once users.info answers, the modal turns to Emma's language.
    await h.fake.waitFor(
      () => JSON.stringify(opened.view).includes('Add slots') && opened,
      8000,
      'the modal in English',
    );
    expect(methods().indexOf('views.open')).toBeLessThan(methods().indexOf('users.info'));
    expect(methods().indexOf('users.info')).toBeLessThan(methods().indexOf('views.update'));
  });

  it('opens from the Home tab button the same way', async () => {
    slowUsersInfo();
    await h.slack.blockAction(USERS.yui.id, { actionId: IDS.actions.openSlotsModal, value: '2026-12' });
    await h.fake.waitFor(() => modalOf(USERS.yui.id, IDS.slotsModal.callback), 3000, 'the modal');
    expect(h.fake.calls.find((c) => c.method === 'views.open')?.ok).toBe(true);
  });

  it('tells the user to run the command again when the trigger has expired', async () => {
    // Slack itself is slow to take the call: the trigger is older than 3 s when views.open arrives.
    h.fake.injectFault({ method: 'views.open', kind: 'delay', ms: 3100 });
    const reply = await h.slack.ask(USERS.aiko.id, '/consult', '', { timeoutMs: 8000 });
    expect(h.fake.calls.find((c) => c.method === 'views.open')).toMatchObject({ ok: false });
    expect(reply.text).toContain('もう一度コマンドを送る');
    expect(modalOf(USERS.aiko.id, 'consult_modal')).toBeUndefined();
  });

  it('says the same when a click reuses a trigger Slack already exchanged', async () => {
    const trigger = h.slack.nextTriggerId(USERS.emma.id);
    const click = (n: number) =>
      h.slack.interactive({
        type: 'block_actions',
        team: { id: 'T0SUPPORT', domain: 'supporters' },
        user: { id: USERS.emma.id, username: 'emma', team_id: 'T0SUPPORT' },
        api_app_id: 'A0DESK',
        trigger_id: trigger,
        container: { type: 'view', view_id: 'VHOMEUEMMA' },
        actions: [
          {
            type: 'button',
            action_id: IDS.actions.openSlotsModal,
            block_id: 'b',
            value: '2026-12',
            action_ts: String(n),
          },
        ],
      });
    await click(1);
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1, 3000, 'the first modal');
    // A second, different delivery carrying the same trigger_id (not a replay of the same request).
    await click(2);
    const dm = await h.fake.waitFor(
      () => h.fake.state.dmsTo(USERS.emma.id).find((m) => m.text.includes('run the command again')),
      3000,
      'a DM saying what to do',
    );
    expect(dm.text).toContain("didn't open in time");
  });
});

describe('submitting a modal', () => {
  it('acks with field errors before users.info answers', async () => {
    slowUsersInfo();
    const res = await h.slack.viewSubmission(
      USERS.ken.id,
      { callbackId: IDS.slotsModal.callback },
      {
        slots_month: { month: { type: 'static_select', selected_option: { value: '2026-12' } } },
        slots_entries: { entries: { type: 'plain_text_input', value: 'そのうち' } },
      },
    );
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: { slots_entries: expect.stringContaining('そのうち') },
    });
    // The answer came back without waiting for Slack's users.info (none had completed).
    expect(methods()).not.toContain('users.info');
  });
});
