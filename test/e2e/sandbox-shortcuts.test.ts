/**
 * The sandbox's ways into the app besides commands, in a real browser: a message's "…" menu lists the
 * manifest's message shortcut and sends the real `message_action` (the consult modal opens with the post
 * as the question); the composer's "+" lists the global shortcut (`shortcut` → the slots modal); typing
 * in the slots modal sends dispatch_action block_actions with the view's hash, and the app's views.update
 * shows the preview; the calendar panel shows the user's feed and "make a new link" retires the old one;
 * the "+" also lists the manifest's Workflow Builder steps, run from the sandbox's form as the acting user.
 */
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { hasChromium, openSandboxPage, type SandboxPage } from '../helpers/sandboxBrowser.js';

let opened: SandboxPage;
let page: Page;

const shortcutName = (callbackId: string) =>
  appManifest().shortcuts.find((s) => s.callbackId === callbackId)?.name ?? callbackId;

describe.skipIf(!hasChromium)('shortcuts, the slots preview and the calendar feed in the sandbox', () => {
  const future = DateTime.now().setZone('Asia/Tokyo').plus({ days: 9 });
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    opened = await openSandboxPage();
    page = opened.page;
    await page.selectOption('#user-switcher', 'UAIKO');
    await page.click('[data-conv=CADVICE]');
  }, 60_000);

  afterAll(async () => {
    await opened?.stop();
  });

  it('turns a message into a consultation from its "…" menu', async () => {
    const text = `営業と人事のどちらに進むか迷っている方への質問の仕方 ${tag}`;
    await opened.send(text);
    const post = page.locator('.content .message', { hasText: tag });
    await post.waitFor();
    await post.hover();
    await post.locator('.hover-more').click();
    const menu = page.locator('.popup-menu');
    const item = menu.locator('li', { hasText: shortcutName('consult_from_message') });
    await item.waitFor();
    expect(await item.textContent()).toContain('Supporter Desk');
    await opened.shot('11-message-menu');
    await item.click();
    expect(await menu.count()).toBe(0);
    const modal = page.locator('.modal');
    await modal.waitFor();
    const question = modal.locator('[data-block=question] , textarea[name^="question."]').first();
    await expect.poll(() => question.inputValue()).toBe(text);
    await opened.shot('12-consult-from-message');
    await modal.locator('.modal-foot .btn:not(.primary)').click();
    await modal.waitFor({ state: 'detached' });
  });

  it('opens the slots modal from the composer’s "+", and the preview follows the typing', async () => {
    await page.locator('.main .composer-plus').click();
    // Exactly the shortcut's name: the steps' section below lists 相談枠を登録 too.
    const name = page.getByText(shortcutName('add_slots'), { exact: true });
    const item = page.locator('.popup-menu li').filter({ has: name });
    await item.waitFor();
    expect(await page.locator('.popup-menu .menu-title').first().textContent()).toBe('ショートカット');
    await opened.shot('13-plus-menu');
    await item.click();
    const modal = page.locator('.modal');
    await modal.waitFor();
    expect(await modal.locator('.modal-head h2').textContent()).toBe('相談枠を追加');
    const entries = modal.locator('textarea');
    await entries.click();
    await entries.pressSequentially(`${future.month}/${future.day} 19:00`, { delay: 15 });
    await modal.locator('.bk-context', { hasText: '追加される枠（1枠）' }).waitFor();
    // Re-drawn in place: what was typed, the focus and the caret stay.
    expect(await entries.inputValue()).toBe(`${future.month}/${future.day} 19:00`);
    expect(await entries.evaluate((el) => el === document.activeElement)).toBe(true);
    await entries.press('Enter'); // a newline in a multiline input, never a submit
    await entries.pressSequentially(`${future.month}/${future.day} 21:00 90`, { delay: 15 });
    await modal.locator('.bk-context', { hasText: '追加される枠（2枠）' }).waitFor();
    await opened.shot('14-slots-preview');
    // Every keystroke's views.update carried the hash the emulator issued, so they landed.
    const updates = () => opened.sandbox.fake.calls.filter((c) => c.method === 'views.update');
    expect(updates().filter((c) => c.ok).length).toBeGreaterThan(0);
    // The month select (dispatch_action, no config) sends block_actions as soon as one is picked.
    const before = updates().length;
    await modal.locator('select').selectOption({ index: 1 });
    await expect.poll(() => updates().length).toBeGreaterThan(before);
    expect(updates().at(-1)?.ok).toBe(true);
    await modal.locator('.modal-foot .btn:not(.primary)').click();
    await modal.waitFor({ state: 'detached' });
  });

  it('shows the menus’ chrome in the UI’s language and the shortcuts under their manifest names', async () => {
    await page.click('#lang-toggle');
    await page.locator('.main .composer-plus').click();
    await page.locator('.popup-menu .menu-title', { hasText: 'Shortcuts' }).waitFor();
    expect(await page.locator('.popup-menu li').first().textContent()).toContain(shortcutName('add_slots'));
    await page.keyboard.press('Escape');
    expect(await page.locator('.popup-menu').count()).toBe(0);
    await page.click('#lang-toggle');
    // Only what the manifest declares reaches the app, as in Slack.
    const res = await fetch(`http://127.0.0.1:${opened.sandbox.port}/sandbox/api/shortcut`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'UAIKO', callbackId: 'consult_from_message' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('not a global shortcut');
  });

  it('shows the calendar feed with a slot from /slots add, and a new link makes the old one 404', async () => {
    await opened.send(`/slots add ${future.month}/${future.day} 20:00`);
    await page.locator('.message.ephemeral', { hasText: '20:00' }).first().waitFor();
    await page.click('#calendar-button');
    const panel = page.locator('#calendar-panel');
    await panel.locator('#calendar-link, #calendar-make').first().waitFor();
    if (await panel.locator('#calendar-make').count()) await panel.locator('#calendar-make').click();
    const link = panel.locator('#calendar-link');
    await link.waitFor();
    const first = (await link.getAttribute('href'))!;
    expect(first).toMatch(/^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await fetch(first)).status).toBe(200);
    // The panel lists the feed's events as a calendar would: date, time and title.
    const slot = panel
      .locator('.calendar-events li', { hasText: `${future.month}月${future.day}日` })
      .filter({ hasText: '20:00–21:00' });
    await slot.waitFor();
    expect(await slot.locator('.calendar-summary').textContent()).toContain('相談枠（空き・60分）');
    expect(await panel.locator('.calendar-raw pre').textContent()).toContain('BEGIN:VCALENDAR');
    await opened.shot('15-calendar');

    await panel.locator('#calendar-rotate').click();
    await panel.locator('#calendar-previous[data-status="404"]').waitFor();
    const second = (await link.getAttribute('href'))!;
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);
    await slot.waitFor();
    await opened.shot('16-calendar-rotated');
  });

  it('runs a Workflow Builder step from the "+" and shows its outputs, or the error Slackbot would give', async () => {
    const title = appManifest().functions.register_slots!.title;
    const openStep = async () => {
      await page.locator('.main .composer-plus').click();
      await page.locator('.popup-menu .menu-title', { hasText: 'ワークフローのステップ' }).waitFor();
      await page.locator('.popup-menu li', { hasText: title }).click();
      const form = page.locator('.step-form');
      await form.waitFor();
      return form;
    };
    let form = await openStep();
    expect(await form.locator('.modal-head h2').textContent()).toBe(title);
    // One field per input: the title as label (required marked), the hint as placeholder, the user is you.
    expect(await form.locator('select[name="user.value"]').inputValue()).toBe('UAIKO');
    expect(await form.locator('[data-block-id=entries] .bk-label').textContent()).toBe('枠 / Slots （必須）');
    const entries = form.locator('input[name="entries.value"]');
    expect(await entries.getAttribute('placeholder')).toBe('12/3 19:00、毎週火曜 20:00');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-block-id=entries] .bk-error').waitFor();
    const slot = `${future.month}/${future.day} 19:00`;
    await entries.fill(slot);
    await form.locator('button[type=submit]').click();
    const card = form.locator('.step-result.success');
    await card.waitFor();
    expect(await card.locator('.step-result-title').textContent()).toBe(`ワークフロー: ${title} ✓`);
    expect(await card.locator('[data-output=added_count] dd').textContent()).toBe('1');
    expect(await card.locator('[data-output=quota_status] dd').textContent()).toMatch(/月: \d+枠/);
    await opened.shot('17-workflow-step-done');
    await form.locator('.modal-foot .btn').click();
    await form.waitFor({ state: 'detached' });
    const completion = opened.sandbox.fake.functionCompletions().at(-1);
    expect(completion).toMatchObject({ callbackId: 'register_slots', kind: 'success' });

    form = await openStep();
    await form.locator('input[name="entries.value"]').fill('そのうち');
    await form.locator('button[type=submit]').click();
    const error = form.locator('.step-result.error .step-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('「そのうち」を枠として読めませんでした。');
    // The form stays as typed, to fix and run again.
    expect(await form.locator('input[name="entries.value"]').inputValue()).toBe('そのうち');
    await opened.shot('18-workflow-step-error');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });
});
