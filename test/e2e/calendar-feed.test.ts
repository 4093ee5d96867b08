/**
 * The calendar feed (#22 item 3) against the real app over HTTP: `/supporter calendar` gives a private
 * link, GET on it answers standard iCalendar (RFC 5545) with the supporter's open and booked slots —
 * booked ones as "予約済み（初回 90分）", never the client's alias or topic — and the study sessions they
 * joined, each with a stable UID and a SEQUENCE; `reset` retires the old link (404); unknown tokens 404;
 * too many requests for one token answer 429 with Retry-After. The feed parses back with ical.js (the
 * parser the busy-times check uses) with the fields Google Calendar reads. Runs on both databases (TEST_DB).
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { RATE_LIMIT } from '../../src/http/calendarFeed.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { addStudySession, clickRsvp, STUDY } from '../helpers/study.js';

const BASE = 'https://desk.example.com';
const TOPIC = '転職の軸が定まらない';
let h: Harness;
let origin: string;

beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-25T10:00:00+09:00',
    env: { PUBLIC_BASE_URL: BASE, STUDY_CHANNEL_ID: STUDY },
  });
  origin = new URL(h.slack.appUrl).origin;
});
afterAll(async () => {
  await h?.stop();
});

/** The link in a reply, and its path on our app (the public address is the operator's proxy). */
const linkIn = (text: string): string => {
  const url = text.match(/https:\/\/desk\.example\.com\/calendar\/[A-Za-z0-9_-]+\.ics/)?.[0];
  expect(url, text).toBeTruthy();
  return url!;
};
const get = (link: string) => fetch(`${origin}${new URL(link).pathname}`);

/** VEVENT blocks of an iCalendar text, unfolded (RFC 5545 §3.1), as property maps. */
const vevents = (ics: string): Array<Record<string, string>> => {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Array<Record<string, string>> = [];
  let cur: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      events.push(cur);
      cur = undefined;
    } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i).split(';')[0]!] = line.slice(i + 1);
    }
  }
  return events;
};

const slotOf = async (user: string) =>
  h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

describe('calendar feed', () => {
  let link: string;
  let openId: number;
  let bookedId: number;
  let studyId: number;

  beforeAll(async () => {
    const aiko = USERS.aiko.id;
    await h.slack.ask(aiko, '/supporter', 'join');
    await h.slack.ask(aiko, '/slots', 'add 12/3 19:00 90');
    bookedId = (await slotOf(aiko)).id;
    await h.slack.ask(aiko, '/slots', `book ${bookedId} Aさん 初回 ${TOPIC}`);
    await h.slack.ask(aiko, '/slots', 'add 12/5 20:00');
    openId = (await slotOf(aiko)).id;
    const study = await addStudySession(h, USERS.ken.id, '12/12 19:00 派遣の最新事情');
    studyId = study.id;
    await clickRsvp(h, aiko, study, 'going');
    await h.settled();
  });

  it('/supporter calendar gives a private link, the same one each time', async () => {
    const r = await h.slack.ask(USERS.aiko.id, '/supporter', 'calendar');
    link = linkIn(r.text);
    expect(new URL(link).pathname.length).toBeGreaterThanOrEqual('/calendar/'.length + 22 + 4); // ≥ 128 bits
    const again = await h.slack.ask(USERS.aiko.id, '/supporter', 'カレンダー');
    expect(linkIn(again.text)).toBe(link);
  });

  it('serves the slots and joined study sessions as iCalendar, booked ones without client details', async () => {
    const res = await get(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('VERSION:2.0');
    expect(ics).not.toContain('Aさん');
    expect(ics).not.toContain(TOPIC);
    const events = vevents(ics);
    expect(events.map((e) => e.UID).sort()).toEqual(
      [
        `slot-${bookedId}@supporter-desk`,
        `slot-${openId}@supporter-desk`,
        `study-${studyId}@supporter-desk`,
      ].sort(),
    );
    const booked = events.find((e) => e.UID === `slot-${bookedId}@supporter-desk`)!;
    expect(booked.SUMMARY).toBe('予約済み（初回 90分）');
    expect(booked.DTSTART).toBe('20261203T100000Z');
    expect(Number(booked.SEQUENCE)).toBeGreaterThan(0);
    const open = events.find((e) => e.UID === `slot-${openId}@supporter-desk`)!;
    expect(open.SUMMARY).toBe('相談枠（空き・60分）');
    expect(events.find((e) => e.UID === `study-${studyId}@supporter-desk`)!.SUMMARY).toBe(
      '勉強会: 派遣の最新事情',
    );
    // The same request again: the same UIDs and SEQUENCEs, so a calendar app updates, never duplicates.
    const second = vevents(await (await get(link)).text());
    expect(second.map((e) => `${e.UID} ${e.SEQUENCE}`)).toEqual(events.map((e) => `${e.UID} ${e.SEQUENCE}`));
  });

  it('parses back with ical.js (the parser busy times use) with the fields Google Calendar reads', async () => {
    const ics = await (await get(link)).text();
    const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(root.getFirstPropertyValue('prodid'))).toMatch(/\S/);
    expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Supporter Desk — 私の予定');
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.length).toBe(3);
    for (const e of events) {
      expect(e.uid).toMatch(/^(slot|study)-\d+@supporter-desk$/);
      expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
      // DTSTART/DTEND as UTC instants (or with a TZID): never floating, so every app reads one time.
      for (const t of [e.startDate, e.endDate]) expect(t.zone?.tzid).toMatch(/^(UTC|[A-Za-z]+\/[A-Za-z_]+)$/);
      expect(e.endDate.compare(e.startDate)).toBe(1);
    }
    const booked = events.find((e) => e.uid === `slot-${bookedId}@supporter-desk`)!;
    expect(booked.startDate.toJSDate().toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(booked.endDate.toJSDate().toISOString()).toBe('2026-12-03T11:30:00.000Z');
    expect(booked.summary).toBe('予約済み（初回 90分）');
    // The UIDs are stable: the same ones on the next poll.
    const again = new ICAL.Component(ICAL.parse(await (await get(link)).text()) as unknown[]);
    expect(again.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.uid),
    );
  });

  it('shows the link in the App Home', async () => {
    await h.settled();
    h.fake.state.homes.clear();
    await h.slack.event({ type: 'app_home_opened', user: USERS.aiko.id, channel: 'DAIKO', tab: 'home' });
    const home = (await h.fake.waitFor(
      () => h.fake.state.homes.get(USERS.aiko.id),
      3000,
      'views.publish',
    )) as {
      blocks: unknown[];
    };
    expect(JSON.stringify(home.blocks)).toContain(link);
  });

  it('reset makes a new link; the old one answers 404', async () => {
    const r = await h.slack.ask(USERS.aiko.id, '/supporter', 'calendar reset');
    const fresh = linkIn(r.text);
    expect(fresh).not.toBe(link);
    expect(r.text).toContain('前のリンクはもう使えません');
    expect((await get(link)).status).toBe(404);
    expect((await get(fresh)).status).toBe(200);
    link = fresh;
  });

  it('answers 404 for a token nobody holds', async () => {
    expect((await get(`${BASE}/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics`)).status).toBe(404);
    expect((await get(`${BASE}/calendar/nope.ics`)).status).toBe(404);
  });

  it('answers 429 with Retry-After past the per-token limit', async () => {
    const r = await h.slack.ask(USERS.aiko.id, '/supporter', 'calendar reset');
    const fresh = linkIn(r.text);
    for (let i = 0; i < RATE_LIMIT; i++) expect((await get(fresh)).status).toBe(200);
    const limited = await get(fresh);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('without the public address', () => {
  let bare: Harness;
  beforeAll(async () => {
    bare = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
  });
  afterAll(async () => {
    await bare?.stop();
  });

  it('says to ask an operator, in words, and stores nothing', async () => {
    const r = await bare.slack.ask(USERS.emma.id, '/supporter', 'calendar');
    expect(r.text).toContain("the app's public address");
    expect(r.text).toContain('ask an operator');
    expect(r.text).not.toContain('PUBLIC_BASE_URL');
    expect(await bare.database.db.selectFrom('calendar_tokens').selectAll().execute()).toEqual([]);
  });
});

describe('in Socket Mode', () => {
  let sock: Harness;
  beforeAll(async () => {
    sock = await startHarness({
      now: '2026-11-25T10:00:00+09:00',
      transport: 'socket',
      env: { PUBLIC_BASE_URL: BASE },
    });
  });
  afterAll(async () => {
    await sock?.stop();
  });

  it('serves the feed from the app’s own HTTP server too', async () => {
    const r = await sock.slack.ask(USERS.ken.id, '/supporter', 'calendar');
    const path = new URL(linkIn(r.text)).pathname;
    const port = new URL(sock.slack.appUrl).port;
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(
      (await fetch(`http://127.0.0.1:${port}/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics`)).status,
    ).toBe(404);
  });
});
