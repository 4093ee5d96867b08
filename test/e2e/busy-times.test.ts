/**
 * Busy times (#22 item 4) through signed HTTP against the real app: a local HTTP server on 127.0.0.1
 * serves main-job calendars (test/fixtures/ics, Google's export style) and misbehaves on purpose (404,
 * never answering, more than 2 MB, not iCalendar, redirects). `/supporter busy` sets, shows and forgets
 * the address; `/slots add` warns about clashes by time only and stores the slots anyway, also when the
 * check fails; the 15-minute cache follows the app's clock; the quota reminder notes the clash days.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';

const GOOGLE = readFileSync(new URL('../fixtures/ics/google-secret.ics', import.meta.url), 'utf8');
const SECRET = 'private-0a1b2c3d4e5f';
const aiko = USERS.aiko.id;

let h: Harness;
let calendarServer: Server;
let base: string;
const hits = new Map<string, number>();
const hanging: ServerResponse[] = [];

const serve = (req: IncomingMessage, res: ServerResponse) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const ics = (body: string) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(body);
  };
  if (path.endsWith('/basic.ics')) return ics(GOOGLE);
  if (path === '/hang.ics') return void hanging.push(res); // headers never come
  if (path === '/big-chunked.ics') {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    const line = `${'X'.repeat(1023)}\n`;
    let sent = 0;
    const more = () => {
      while (sent < 3 * 1024 && res.write(line)) sent++;
      if (sent < 3 * 1024) res.once('drain', more);
      else res.end();
    };
    res.on('error', () => {});
    return more();
  }
  if (path === '/big-declared.ics') {
    res.writeHead(200, { 'content-type': 'text/calendar', 'content-length': String(3 * 1024 * 1024) });
    res.on('error', () => {});
    return res.end('BEGIN:VCALENDAR'.padEnd(3 * 1024 * 1024, 'X'));
  }
  if (path === '/login.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<html><body>Sign in to see this calendar</body></html>');
  }
  if (path === '/moved.ics') {
    res.writeHead(302, { location: `/${SECRET}/basic.ics` });
    return res.end();
  }
  if (path === '/to-plain-http.ics') {
    res.writeHead(301, { location: 'http://example.com/basic.ics' });
    return res.end();
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
};

beforeAll(async () => {
  calendarServer = createServer(serve);
  await new Promise<void>((r) => calendarServer.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}`;
  h = await startHarness({ now: '2026-12-01T09:00:00+09:00' });
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await h?.stop();
  calendarServer?.closeAllConnections();
  await new Promise<void>((r) => calendarServer?.close(() => r()));
});
beforeEach(async () => {
  await h.settled();
  await h.database.db.deleteFrom('slots').execute();
  await h.database.db.deleteFrom('busy_calendars').execute();
  h.setNow('2026-12-01T09:00:00+09:00');
});

const ask = (text: string, opts: { timeoutMs?: number } = {}) => h.slack.ask(aiko, '/supporter', text, opts);
const addSlots = (text: string, opts: { timeoutMs?: number } = {}) =>
  h.slack.ask(aiko, '/slots', `add ${text}`, opts);
const storedUrl = async () =>
  (
    await h.database.db
      .selectFrom('busy_calendars')
      .selectAll()
      .where('supporter_id', '=', aiko)
      .executeTakeFirst()
  )?.url;
const slotCount = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('slots')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const googleUrl = () => `${base}/${SECRET}/basic.ics`;

describe('/supporter busy', () => {
  it('stores the address, reads it once and says what it found; shows only its host; off forgets it', async () => {
    const set = await ask(`busy ${googleUrl()}`);
    // December (the reminder's month on 12/1): 12/1, 12/8, 12/29 weekly; 12/3; 12/5; 12/10; 12/23 moved;
    // 12/24–26 trip = 8 busy events (EXDATE, cancelled and "free" ones left out).
    expect(set.text).toContain('2026年12月の予定 8件を読めました');
    expect(set.text).toContain(`127.0.0.1:${new URL(base).port}/…`);
    expect(set.text).not.toContain(SECRET);
    expect(await storedUrl()).toBe(googleUrl());

    const shown = await ask('busy');
    expect(shown.text).toContain(`本業のカレンダー: 127.0.0.1:${new URL(base).port}/…`);
    expect(shown.text).not.toContain(SECRET);
    const status = await ask('status');
    expect(status.text).toContain(`本業のカレンダー: 127.0.0.1:${new URL(base).port}/…`);
    expect(status.text).not.toContain(SECRET);

    await h.settled();
    const home = JSON.stringify((h.fake.state.homes.get(aiko) as { blocks: unknown[] }).blocks);
    expect(home).toContain(`本業のカレンダー 127.0.0.1:${new URL(base).port}/…`);
    expect(home).not.toContain(SECRET);

    expect((await ask('busy off')).text).toContain('登録を消しました');
    expect(await storedUrl()).toBeUndefined();
    expect((await ask('busy')).text).toContain('未登録');
    expect((await ask('status')).text).toContain('本業のカレンダー: 未登録');
    await h.settled();
    expect(JSON.stringify(h.fake.state.homes.get(aiko))).not.toContain('本業のカレンダー');
    // The secret part of the address never reached the log.
    expect(h.logs.join('\n')).not.toContain(SECRET);
  });

  it.each([
    ['http://example.com/basic.ics', 'https:// で始まるアドレスだけ使えます'],
    ['ftp://example.com/basic.ics', 'https:// で始まるアドレスだけ使えます'],
    ['私のカレンダー', 'アドレス（URL）として読めませんでした'],
  ])('refuses %s, says what to paste, stores nothing', async (url, expected) => {
    const r = await ask(`busy ${url}`);
    expect(r.text).toContain(expected);
    expect(r.text).toContain('iCal 形式の非公開 URL');
    expect(r.text).toContain('何も登録していません');
    expect(await storedUrl()).toBeUndefined();
  });

  it('keeps an address it could not read, saying why', async () => {
    const r = await ask(`busy ${base}/gone.ics`);
    expect(r.text).toContain('いま読めませんでした');
    expect(r.text).toContain('HTTP 404');
    expect(await storedUrl()).toBe(`${base}/gone.ics`);
  });

  it('follows a redirect to an address that passes the rule, and refuses one to plain http', async () => {
    expect((await ask(`busy ${base}/moved.ics`)).text).toContain('予定 8件を読めました');
    const r = await ask(`busy ${base}/to-plain-http.ics`);
    expect(r.text).toContain('転送先が https ではなかった');
  });

  it('/supporter leave forgets it too', async () => {
    await ask('join');
    await ask(`busy ${googleUrl()}`);
    await ask('leave');
    expect(await storedUrl()).toBeUndefined();
  });
});

describe('/slots add against the busy calendar', () => {
  it('warns about a clash by its time only, and stores the slot', async () => {
    await ask(`busy ${googleUrl()}`);
    const r = await addSlots('12/3 19:00 90、12/4 19:00');
    expect(r.text).toContain(
      '⚠ 12/3(木) 19:00–20:30 は本業の予定 18:30–20:00 と重なっています（枠は登録しました）',
    );
    expect(r.text).not.toContain('12/4(金) 19:00–20:00 は本業'); // the cancelled meeting is no clash
    expect(r.text).not.toContain('会食'); // never the event's title…
    expect(r.text).not.toContain('会議室'); // …or place
    expect(await slotCount()).toBe(2);
  });

  it('the register_slots workflow step outputs the same warning (busy_notes), and stores the slot', async () => {
    await ask(`busy ${googleUrl()}`);
    const sent = await h.slack.runFunction('register_slots', { user: aiko, entries: '12/3 19:00 90' });
    const done = await h.fake.waitFor(
      () => h.fake.functionCompletions().find((c) => c.functionExecutionId === sent?.functionExecutionId),
      10_000,
      'the step to complete',
    );
    expect(done.outputs?.busy_notes).toBe(
      '⚠ 12/3(木) 19:00–20:30 は本業の予定 18:30–20:00 と重なっています（枠は登録しました）',
    );
    expect(await slotCount()).toBe(1);
  });

  it('names an all-day and a multi-day busy event as such', async () => {
    await ask(`busy ${googleUrl()}`);
    const r = await addSlots('12/10 19:00、12/25 10:00');
    expect(r.text).toContain('⚠ 12/10(木) 19:00–20:00 は本業の予定 12/10(木) 終日 と重なっています');
    expect(r.text).toContain(
      '⚠ 12/25(金) 10:00–11:00 は本業の予定 12/24(木)–12/26(土) 終日 と重なっています',
    );
  });

  it('asks the calendar server once per 15 minutes of the app clock', async () => {
    const path = `/${SECRET}/basic.ics`;
    await ask(`busy ${googleUrl()}`);
    const afterSet = hits.get(path) ?? 0;
    await addSlots('12/8 19:00');
    h.setNow('2026-12-01T09:14:00+09:00');
    expect((await addSlots('12/29 19:00')).text).toContain('は本業の予定 19:00–20:00 と重なっています');
    expect(hits.get(path)).toBe(afterSet);
    h.setNow('2026-12-01T09:16:00+09:00');
    await addSlots('12/9 19:00');
    expect(hits.get(path)).toBe(afterSet + 1);
  });

  it('without a busy calendar: no warning and no request', async () => {
    const before = [...hits.values()].reduce((a, b) => a + b, 0);
    const r = await addSlots('12/3 19:00');
    expect(r.text).not.toContain('本業');
    expect([...hits.values()].reduce((a, b) => a + b, 0)).toBe(before);
  });

  it.each([
    ['404', '/gone.ics', 'HTTP 404'],
    ['a body over 2 MB (chunked)', '/big-chunked.ics', '大きすぎました'],
    ['a Content-Length over 2 MB', '/big-declared.ics', '大きすぎました'],
    ['not iCalendar', '/login.html', 'カレンダー（iCalendar 形式）ではありませんでした'],
  ])('a fetch failure (%s) is one line in the reply; the slot is stored', async (_what, path, why) => {
    await h.database.db
      .insertInto('busy_calendars')
      .values({ supporter_id: aiko, url: `${base}${path}`, created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    const r = await addSlots('12/3 19:00');
    expect(r.text).toContain('本業の予定との重なりは確かめられませんでした');
    expect(r.text).toContain(why);
    expect(await slotCount()).toBe(1);
  });

  it('a server that never answers costs at most the 5 s timeout; the slot is stored', async () => {
    await h.database.db
      .insertInto('busy_calendars')
      .values({ supporter_id: aiko, url: `${base}/hang.ics`, created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    const started = Date.now();
    const r = await addSlots('12/3 19:00', { timeoutMs: 9000 });
    const took = Date.now() - started;
    expect(r.text).toContain('5秒待っても返事がありませんでした');
    expect(took).toBeGreaterThanOrEqual(4500);
    expect(took).toBeLessThan(6500);
    expect(await slotCount()).toBe(1);
    // Within the minute a failure is kept, the next add does not wait again.
    const again = Date.now();
    expect((await addSlots('12/4 19:00')).text).toContain('確かめられませんでした');
    expect(Date.now() - again).toBeLessThan(2000);
  }, 20_000);
});

describe('the slots modal against the busy calendar', () => {
  const submit = (entries: string) =>
    h.slack.viewSubmission(
      aiko,
      { callbackId: 'slots_add_modal', privateMetadata: JSON.stringify({}) },
      {
        slots_month: { month: { type: 'static_select', selected_option: { value: '2026-12' } } },
        slots_entries: { entries: { type: 'plain_text_input', value: entries } },
      },
    );
  const confirmation = () =>
    h.fake.waitFor(() => h.fake.state.dmsTo(aiko).at(-1), 8000, 'the confirmation DM');

  it('the confirmation names the clash by time', async () => {
    await ask(`busy ${googleUrl()}`);
    h.fake.reset();
    expect((await submit('3日 19:00 90')).status).toBe(200);
    const dm = await confirmation();
    expect(dm.text).toContain('⚠ 12/3(木) 19:00–20:30 は本業の予定 18:30–20:00 と重なっています');
    expect(await slotCount()).toBe(1);
  });

  it('answers Slack before the check: a hanging calendar server never delays the submission', async () => {
    await h.database.db
      .insertInto('busy_calendars')
      .values({ supporter_id: aiko, url: `${base}/hang.ics?modal`, created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    h.fake.reset();
    const started = Date.now();
    const res = await submit('4日 19:00');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500); // Slack's 3 s for a view submission
    const dm = await confirmation();
    expect(dm.text).toContain('5秒待っても返事がありませんでした');
    expect(await slotCount()).toBe(1);
  }, 20_000);
});

describe('quota reminder', () => {
  it('notes the days a suggested weekly pattern clashes with the main job', async () => {
    await ask('join');
    h.setNow('2026-11-01T09:00:00+09:00');
    await addSlots('毎週火曜 19:00'); // 11/3, 10, 17, 24: the pattern the reminder suggests
    h.setNow('2026-12-03T10:00:00+09:00');
    await ask(`busy ${googleUrl()}`);
    h.fake.reset();
    const report = await runNamedJob(jobDepsFor(h), 'quota-reminders', { now: h.now() });
    expect(report).toMatchObject({ failed: 0 });
    const dm = JSON.stringify(h.fake.state.dmsTo(aiko));
    // 12/8 and 12/29 meet the weekly meeting (12/15 is its EXDATE, 12/22's moved to 12/23; 12/1 is past).
    expect(dm).toContain('毎週火曜 19:00');
    expect(dm).toContain('（本業の予定と重なる日: 12/8, 12/29）');
    expect(dm).not.toContain('定例');
  });
});
