/**
 * The sandbox in a real browser (Debian's Chromium through playwright-core): switch users, send slash
 * commands in Japanese, open the Home tab, post a consultation from the modal, answer it in its thread as
 * someone else and run a job from the "clock and jobs" panel. Screenshots go to test-artifacts/.
 */
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import type { Sandbox } from '../../sandbox/server.js';
import { hasChromium, openSandboxPage, type SandboxPage } from '../helpers/sandboxBrowser.js';

let opened: SandboxPage;
let sandbox: Sandbox;
let page: Page;

const shot = (name: string) => opened.shot(name);
const send = (text: string, where?: '.main' | '.panel') => opened.send(text, where);

const ephemeral = (text: string) => page.locator('.message.ephemeral', { hasText: text });

describe.skipIf(!hasChromium)('the sandbox in a browser', () => {
  const future = DateTime.now().setZone('Asia/Tokyo').plus({ days: 12 });
  const question = `ブラウザからの相談 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    opened = await openSandboxPage();
    ({ sandbox, page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.stop();
  });

  it('shows a Slack-like workspace in Japanese with the demo people and channels', async () => {
    await page.selectOption('#user-switcher', 'UAIKO');
    await expect.poll(() => page.locator('.me-name').textContent()).toBe('佐藤 愛子');
    await page.click('[data-conv=CADVICE]');
    await expect.poll(() => page.locator('.header h1').textContent()).toBe('# advice');
    expect(await page.locator('.main .composer-input').getAttribute('placeholder')).toContain('メッセージ');
    expect(await page.locator('[data-conv=COPS]').count()).toBe(0); // 佐藤 is not in #operators
  });

  it('answers a slash command with an ephemeral only the sender sees', async () => {
    await send('/slots ヘルプ');
    await ephemeral('/slots add').waitFor();
    expect(await ephemeral('/slots add').textContent()).toContain('あなただけに表示されています');
    await send(`/slots 追加 ${future.month}月${future.day}日 21時30分`);
    // TODO(features): assert the confirmation wording once /slots add settles (e.g. 「追加しました」).
    await expect.poll(() => page.locator('.message.ephemeral').count()).toBeGreaterThanOrEqual(2);
    await shot('01-slots');
  });

  it('opens the App Home tab', async () => {
    await page.click('[data-conv=app]');
    await page.locator('#home-tab, .content .empty').first().waitFor();
    // TODO(features): assert the quota progress line (e.g. 「相談枠のノルマ」) once the Home tab is final.
    expect(await page.locator('#home-tab').count()).toBe(1);
    await shot('02-home');
  });

  it('posts a consultation from the /consult modal, showing the field error the app returns', async () => {
    await page.click('[data-conv=CADVICE]');
    await send('/consult');
    const modal = page.locator('.modal');
    await modal.waitFor();
    await modal.locator('input[type=date]').fill(future.toISODate()!);
    await modal.locator('input[type=time]').fill('10:00');
    await modal.locator('select').first().selectOption({ index: 1 });
    const [topic, ask] = [modal.locator('textarea').nth(0), modal.locator('textarea').nth(1)];
    await topic.fill('連絡先 taro@example.com の方');
    await ask.fill(question);
    await modal.locator('.bk-chip').first().click();
    await modal.locator('button[type=submit]').click();
    await modal.locator('.bk-error').waitFor();
    expect(await modal.locator('.bk-error').textContent()).toContain('個人情報');
    await shot('03-modal-error');
    await topic.fill('転職の軸が定まらない方');
    await modal.locator('button[type=submit]').click();
    await modal.waitFor({ state: 'detached' });
    await page.locator('.message', { hasText: question }).waitFor();
    await shot('04-consult');
  });

  it('shows the session time with Slack’s date formatting, in the reader’s zone, never a countdown', async () => {
    // <!date^…^{date_short_pretty} {time}|…> (https://api.slack.com/reference/surfaces/formatting#date-formatting)
    const post = page.locator('.content .message', { hasText: question });
    const date = post.locator('time[data-slack-date]');
    await date.waitFor();
    expect(await date.textContent()).toBe(`${future.year}年${future.month}月${future.day}日 10:00`);
    const text = (await post.textContent()) ?? '';
    expect(text).toContain('セッション:');
    expect(text).not.toContain('<!date');
    expect(text).not.toMatch(/あと\d+日/);
  });

  it('lets another supporter answer in the thread', async () => {
    await page.selectOption('#user-switcher', 'UKEN');
    const post = page.locator('.content .message', { hasText: question });
    await post.hover();
    await post.locator('.hover-reply').click();
    await page.locator('.panel .thread').waitFor();
    await send('人材紹介の立場から: 過去の転機を3つ聞くのがおすすめです', '.panel');
    await page.locator('.panel .message', { hasText: '過去の転機' }).waitFor();
    await post.locator('.replies').waitFor();
    expect(await post.locator('.replies').textContent()).toContain('1 件の返信');
    await shot('05-thread');
    // App commands cannot be run in a thread (https://api.slack.com/interactivity/slash-commands).
    await send('/slots list', '.panel');
    await expect
      .poll(() => page.locator('#toast').textContent())
      .toContain('スレッドではサポートされていません');
  });

  it('runs advice-nudges from the clock and jobs panel', async () => {
    await page.click('#tools-button');
    const job = page.locator('[data-job="advice-nudges"]');
    await job.waitFor();
    await page.locator('#clock-now').waitFor();
    if (await job.locator('button.primary').isEnabled()) {
      await job.locator('button.primary').click();
      await job.locator('.job-result[role=status]').waitFor();
      expect(await job.locator('.job-result').textContent()).toMatch(/送信 [1-9]/);
      await shot('06-jobs');
      // The seeded consultation by 鈴木 (#人事 #採用) has waited 14 h: 佐藤 (人事・採用) gets the nudge.
      await page.selectOption('#user-switcher', 'UAIKO');
      await page.click('[data-conv=app]');
      await page.click('[data-tab=messages]');
      await page.locator('.content .message', { hasText: '鈴木 結衣' }).waitFor();
      await shot('07-nudge-dm');
    } else {
      // TODO(features): remove once every panel job is registered in src/jobs/registry.ts.
      expect(await job.textContent()).toContain('まだ利用できません');
      await shot('06-jobs');
    }
  });

  it('shows who a dry run would write to and what each would get', async () => {
    const job = page.locator('[data-job="quota-reminders"]');
    if (!(await job.isVisible())) await page.click('#tools-button');
    await job.waitFor();
    await job.locator('button:not(.primary)').click();
    await job.locator('.job-result[role=status]').waitFor();
    expect(await job.locator('.job-result').textContent()).toMatch(/ドライラン（予定 [1-9]\d* 件）/);
    const first = job.locator('.job-preview li').first();
    await first.waitFor();
    expect(await first.locator('.job-preview-to').textContent()).toMatch(/^宛先: @\S/);
    // Each in the recipient's own language (some of the demo people read English).
    expect(await first.locator('.job-preview-text').textContent()).toMatch(/の相談枠|Your slots for/);
    await shot('08-dry-run');
  });

  it('answers every button click: the outcome DM shows the choice, the Home away toggle offers the undo', async () => {
    await page.selectOption('#user-switcher', 'UAIKO');
    await page.click('[data-conv=app]');
    await page.click('[data-tab=messages]');
    // The seed's session that ended yesterday: its outcome DM is waiting with three buttons.
    const noShow = page.locator('.content .message button', { hasText: '相談者が来なかった' });
    await noShow.first().waitFor();
    const before = await noShow.count();
    await noShow.first().click();
    // The message itself answers the click: its buttons give way to the choice.
    await expect.poll(() => noShow.count()).toBe(before - 1);
    await shot('09-outcome-clicked');
    await page.click('[data-tab=home]');
    const home = page.locator('#home-tab');
    await home.waitFor();
    const setAway = home.locator('button', { hasText: /月を休みにする$/ });
    await setAway.first().waitFor();
    await setAway.first().click();
    // Set away already: the Home offers to take it back, never the same offer again.
    await home
      .locator('button', { hasText: /月の休みを取り消す$/ })
      .first()
      .waitFor();
    expect(await home.locator('button', { hasText: /月を休みにする$/ }).count()).toBe(0);
    await shot('10-home-away');
    await home
      .locator('button', { hasText: /月の休みを取り消す$/ })
      .first()
      .click();
    await home
      .locator('button', { hasText: /月を休みにする$/ })
      .first()
      .waitFor();
  });

  it('completes the manifest’s commands and @names as Slack does, and refuses an unknown command', async () => {
    await page.selectOption('#user-switcher', 'UAIKO');
    await page.click('[data-conv=CADVICE]');
    const box = page.locator('.main .composer-input');
    const menu = page.locator('.main .command-menu');
    await box.fill('/st');
    const study = menu.locator('li', { hasText: '/study' });
    await study.waitFor();
    expect(await study.textContent()).toContain('勉強会を告知');
    expect(await study.textContent()).toContain('add 12/10 20:00 90 タイトル #タグ');
    await shot('08-command-menu');
    await box.press('Enter'); // completes to "/study "
    expect(await box.inputValue()).toBe('/study ');

    await box.fill('@田中');
    const ken = menu.locator('li', { hasText: '田中 健' });
    await ken.waitFor();
    expect(await ken.textContent()).toContain('ken');
    await shot('09-mention-menu');
    await ken.click();
    expect(await box.inputValue()).toBe('@田中 健 ');
    const words = `さん、#advice の質問を見てもらえますか ${Date.now().toString(36)}`;
    await box.pressSequentially(words);
    await box.press('Enter');
    const sent = page.locator('.content .message', { hasText: words.split(' ').at(-1)! });
    await sent.waitFor();
    expect(await sent.locator('.mention').first().textContent()).toContain('田中 健');
    const stored = sandbox.fake.state.messages.find((m) => m.text.endsWith(words.split(' ').at(-1)!));
    expect(stored?.text).toMatch(/^<@UKEN> さん、<#CADVICE> の質問を見てもらえますか /);
    await shot('10-mention-sent');

    await send('/foo bar');
    await expect
      .poll(() => page.locator('#toast').textContent())
      .toContain('/foo は有効なコマンドではありません');
    expect(await page.locator('#toast').textContent()).toContain(
      appManifest()
        .commands.map((c) => c.command)
        .join(', '),
    );
    expect(await box.inputValue()).toBe('/foo bar'); // kept in the box, to fix and send again
  });

  it('switches the UI chrome to English', async () => {
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('.nav-title').first().textContent()).toBe('Channels');
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('.nav-title').first().textContent()).toBe('チャンネル');
  });
});
