/**
 * The calendar panel reads a feed's VEVENTs back (sandbox/calendar.ts): folded lines (RFC 5545 §3.1),
 * escaped text (§3.3.11), UTC and TZID/floating times (§3.3.5) and all-day dates (§3.3.4), and a feed the
 * app really builds.
 */
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../sandbox/calendar.js';

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');

describe('parseEvents', () => {
  it('reads UTC times, unfolds long lines and unescapes the summary', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:slot-1@supporter-desk',
      'DTSTART:20261212T100000Z',
      'DTEND:20261212T110000Z',
      'SUMMARY:相談枠（空き\\, 60分）\\; とても長いタイトルが',
      ' 折り返される',
      'STATUS:TENTATIVE',
      'END:VEVENT',
    );
    expect(parseEvents(text, 'Asia/Tokyo')).toEqual([
      {
        uid: 'slot-1@supporter-desk',
        start: '2026-12-12T10:00:00.000Z',
        end: '2026-12-12T11:00:00.000Z',
        allDay: false,
        summary: '相談枠（空き, 60分）; とても長いタイトルが折り返される',
        status: 'TENTATIVE',
      },
    ]);
  });

  it('reads TZID and floating times in their zone, and all-day dates', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;TZID=Europe/Berlin:20261212T090000',
      'SUMMARY:Berlin',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART:20261212T090000',
      'SUMMARY:floating',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:c',
      'DTSTART;VALUE=DATE:20261224',
      'DTEND;VALUE=DATE:20261225',
      'SUMMARY:all day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:no-start',
      'SUMMARY:skipped',
      'END:VEVENT',
    );
    const [berlin, floating, allDay, ...rest] = parseEvents(text, 'Asia/Tokyo');
    expect(berlin).toMatchObject({ start: '2026-12-12T08:00:00.000Z', end: null, allDay: false });
    expect(floating).toMatchObject({ start: '2026-12-12T00:00:00.000Z' });
    expect(allDay).toMatchObject({ start: '2026-12-24', end: '2026-12-25', allDay: true });
    expect(rest).toEqual([]);
  });
});
