/**
 * The busy-time clash table (#22 item 4): real .ics texts in Google's and Outlook's export styles
 * (test/fixtures/ics) read through the real parser (ical.js, src/calendar/icsBusy.ts), then the domain's
 * pure clash check (src/domain/busy.ts). Times are written in JST, the supporters' zone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { busyIntervals, readCalendar } from '../../src/calendar/icsBusy.js';
import {
  type BusyInterval,
  busyUrlHint,
  checkBusyUrl,
  clashes,
  type Interval,
  patternClashDates,
} from '../../src/domain/busy.js';

const ZONE = 'Asia/Tokyo';
const at = (jst: string) => Date.parse(`${jst}+09:00`);
const span = (from: string, to: string): Interval => ({ startMs: at(from), endMs: at(to) });
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8');
const busyOf = (name: string, window: Interval): BusyInterval[] => {
  const calendar = readCalendar(fixture(name));
  expect(calendar, name).toBeDefined();
  return busyIntervals(calendar!, window, ZONE);
};
const DECEMBER = span('2026-12-01T00:00', '2027-01-01T00:00');
/** `2026-12-03T19:00` for 90 minutes. */
const slot = (jst: string, minutes = 60): Interval => ({
  startMs: at(jst),
  endMs: at(jst) + minutes * 60_000,
});
const clashesWith = (name: string, s: Interval, window: Interval = DECEMBER) =>
  clashes([s], busyOf(name, window)).flatMap((c) => c.busy);

describe('clashes (pure)', () => {
  const busy: BusyInterval[] = [{ ...span('2026-12-03T18:30', '2026-12-03T20:00'), allDay: false }];
  it.each([
    ['ends as the busy time starts (touching)', slot('2026-12-03T17:30'), false],
    ['starts as the busy time ends (touching)', slot('2026-12-03T20:00'), false],
    ['overlaps it by one minute at the start', slot('2026-12-03T19:59'), true],
    [
      'overlaps it by one minute at the end',
      { startMs: at('2026-12-03T17:31'), endMs: at('2026-12-03T18:31') },
      true,
    ],
    ['inside it', slot('2026-12-03T19:00', 30), true],
    ['around it', slot('2026-12-03T18:00', 180), true],
    ['another day', slot('2026-12-04T19:00'), false],
  ])('a slot that %s: clash %s', (_what, s, expected) => {
    expect(clashes([s], busy).length > 0).toBe(expected);
  });
});

describe('Google Calendar secret address (VTIMEZONE, RRULE, EXDATE, RECURRENCE-ID, all-day)', () => {
  const g = 'google-secret.ics';
  it.each([
    [
      'a UTC `Z` event 18:30–20:00 JST',
      slot('2026-12-03T19:00', 90),
      [span('2026-12-03T18:30', '2026-12-03T20:00')],
    ],
    [
      'the weekly Tuesday 19:00 meeting',
      slot('2026-12-08T19:30'),
      [span('2026-12-08T19:00', '2026-12-08T20:00')],
    ],
    ['the weekly meeting on its EXDATE (12/15)', slot('2026-12-15T19:00'), []],
    ['the moved instance’s old time (12/22 19:00)', slot('2026-12-22T19:00'), []],
    [
      'the moved instance’s new time (12/23 18:00)',
      slot('2026-12-23T18:30'),
      [span('2026-12-23T18:00', '2026-12-23T19:00')],
    ],
    [
      'an all-day busy event: the whole JST day',
      slot('2026-12-10T23:00'),
      [span('2026-12-10T00:00', '2026-12-11T00:00')],
    ],
    ['the day after the all-day event', slot('2026-12-11T00:00'), []],
    [
      'a multi-day all-day trip (12/24–12/26)',
      slot('2026-12-26T21:00'),
      [span('2026-12-24T00:00', '2026-12-27T00:00')],
    ],
    ['after the trip ends (DTEND exclusive)', slot('2026-12-27T10:00'), []],
    ['a TRANSP:TRANSPARENT all-day event (Google\'s "free")', slot('2026-12-11T19:00'), []],
    ['a STATUS:CANCELLED event', slot('2026-12-04T19:00'), []],
    [
      'a floating time (read as JST)',
      slot('2026-12-05T11:00'),
      [span('2026-12-05T10:00', '2026-12-05T11:30')],
    ],
  ])('%s', (_what, s, expected) => {
    expect(clashesWith(g, s).map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(expected);
  });

  it('a weekly America/Los_Angeles event keeps its local time across the US DST change', () => {
    const autumn = span('2026-10-20T00:00', '2026-11-30T00:00');
    const us = busyOf(g, autumn).filter((b) => new Date(b.startMs).getUTCDay() === 1); // Mondays (UTC)
    expect(us.map((b) => new Date(b.startMs).toISOString())).toEqual([
      '2026-10-26T10:00:00.000Z', // 03:00 PDT = 19:00 JST
      '2026-11-02T11:00:00.000Z', // 03:00 PST = 20:00 JST
      '2026-11-09T11:00:00.000Z',
      '2026-11-16T11:00:00.000Z', // COUNT=4
    ]);
  });

  it('expands only the window asked', () => {
    expect(busyOf(g, span('2026-12-01T00:00', '2026-12-02T00:00'))).toHaveLength(1);
  });
});

describe('Outlook published calendar (Windows zone names)', () => {
  const o = 'outlook-published.ics';
  it.each([
    [
      'a "Tokyo Standard Time" event',
      slot('2026-12-03T20:00'),
      [span('2026-12-03T19:30', '2026-12-03T21:00')],
    ],
    ['X-MICROSOFT-CDO-BUSYSTATUS:FREE', slot('2026-12-07T12:00'), []],
    [
      'a TZID with no VTIMEZONE (Europe/Paris, read by its IANA name)',
      slot('2026-12-07T20:30'),
      [span('2026-12-07T20:00', '2026-12-07T21:00')],
    ],
    [
      'the weekly London stand-up in winter (GMT: 18:00 JST)',
      slot('2026-12-14T18:00'),
      [span('2026-12-14T18:00', '2026-12-14T19:00')],
    ],
  ])('%s', (_what, s, expected) => {
    expect(clashesWith(o, s).map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(expected);
  });

  it('the London stand-up moves to 17:00 JST when Europe/London goes to summer time', () => {
    const spring = span('2027-03-20T00:00', '2027-04-06T00:00');
    expect(busyOf(o, spring).map((b) => new Date(b.startMs).toISOString())).toEqual([
      '2027-03-22T09:00:00.000Z', // 09:00 GMT
      '2027-03-29T08:00:00.000Z', // 09:00 BST
      '2027-04-05T08:00:00.000Z',
    ]);
    expect(clashes([slot('2027-03-29T18:00')], busyOf(o, spring))).toEqual([]);
  });
});

describe("Google's free/busy-only feed", () => {
  it('events titled "busy" are busy times like any other', () => {
    expect(clashesWith('google-freebusy.ics', slot('2026-12-08T19:30')).length).toBe(1);
    expect(busyOf('google-freebusy.ics', DECEMBER)).toHaveLength(2);
  });
});

describe('not a calendar', () => {
  it.each([
    ['<html><body>Sign in</body></html>'],
    ['{"items": []}'],
    ['BEGIN:VCALENDAR\r\nthis is : not ; ical'],
  ])('%s', (text) => {
    const parsed = readCalendar(text);
    if (parsed) expect(busyIntervals(parsed, DECEMBER, ZONE)).toEqual([]);
    else expect(parsed).toBeUndefined();
  });
});

describe('a weekly suggestion against busy times', () => {
  it('names the days of the month the pattern would clash (after now)', () => {
    const busy = busyOf('google-secret.ics', DECEMBER);
    const now = new Date('2026-12-03T12:00:00+09:00');
    // 毎週火曜 19:00 (60 min): 12/8 and 12/29 meet the weekly meeting; 12/15 is its EXDATE; 12/1 is past.
    expect(patternClashDates({ weekday: 2, time: '19:00' }, '2026-12', ZONE, now, busy)).toEqual([
      '2026-12-08',
      '2026-12-29',
    ]);
    expect(patternClashDates({ weekday: 2, time: '20:00' }, '2026-12', ZONE, now, busy)).toEqual([]);
  });
});

describe('the address rule', () => {
  it.each([
    ['https://calendar.google.com/calendar/ical/x/private-abc/basic.ics', true],
    ['<https://outlook.office365.com/owa/calendar/a/b/calendar.ics>', true],
    ['webcal://p01-caldav.icloud.com/published/2/abc', true],
    ['http://127.0.0.1:8080/x.ics', true],
    ['http://localhost/x.ics', true],
    ['http://[::1]:9/x.ics', true],
    ['http://example.com/x.ics', false],
    ['ftp://example.com/x.ics', false],
    ['file:///etc/passwd', false],
    ['カレンダー', false],
  ])('%s → %s', (text, ok) => {
    expect(checkBusyUrl(text).ok).toBe(ok);
  });
  it('shows only the host of a secret address', () => {
    expect(busyUrlHint('https://calendar.google.com/calendar/ical/x/private-abc/basic.ics')).toBe(
      'calendar.google.com/…',
    );
  });
});
