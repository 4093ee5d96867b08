/** Calendar helpers: months in a zone, month bounds, holidays, weekdays, slot labels and the UTC format. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  formatSlotWhen,
  holidayName,
  isoWeekday,
  localDateOf,
  monthBounds,
  monthOf,
  parseMonth,
  toUtcIso,
} from '../../src/domain/calendar.js';

describe('monthOf / localDateOf', () => {
  it.each<[Date | string, string, string]>([
    [new Date('2026-11-30T14:59:59Z'), 'Asia/Tokyo', '2026-11'],
    [new Date('2026-11-30T15:00:00Z'), 'Asia/Tokyo', '2026-12'],
    ['2026-11-30T15:00:00.000Z', 'UTC', '2026-11'],
    ['2026-12-31T15:00:00.000Z', 'Asia/Tokyo', '2027-01'],
    ['2027-01-01T03:00:00Z', 'America/New_York', '2026-12'],
    ['2026-12-03T19:00:00+09:00', 'Asia/Tokyo', '2026-12'],
  ])('monthOf(%s, %s) → %s', (instant, zone, month) => {
    expect(monthOf(instant, zone)).toBe(month);
  });

  it('gives the local date in the zone', () => {
    expect(localDateOf('2026-12-03T15:30:00.000Z', 'Asia/Tokyo')).toBe('2026-12-04');
    expect(localDateOf('2026-12-03T15:30:00.000Z', 'America/New_York')).toBe('2026-12-03');
  });

  it('fails loudly on an unknown zone', () => {
    expect(() => monthOf(new Date(), 'Mars/Base')).toThrow(/invalid/);
  });
});

describe('parseMonth', () => {
  it.each<[string, string | undefined]>([
    ['2026-12', '2026-12'],
    ['2026/12', '2026-12'],
    ['2026.1', '2026-01'],
    ['2026年12月', '2026-12'],
    ['2026年 1月', '2026-01'],
    ['２０２６年１２月', '2026-12'],
    ['２０２６－１２', '2026-12'],
    ['  2026-03  ', '2026-03'],
    ['2026-13', undefined],
    ['2026-00', undefined],
    ['12', undefined],
    ['26-12', undefined],
    ['2026-12-03', undefined],
    ['december', undefined],
    ['', undefined],
  ])('parseMonth(%s) → %s', (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });
});

describe('addMonths / daysInMonth', () => {
  it.each<[string, number, string]>([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', 0, '2026-11'],
    ['2026-11', 14, '2028-01'],
    ['2026-03', -15, '2024-12'],
  ])('addMonths(%s, %i) → %s', (month, n, want) => {
    expect(addMonths(month, n)).toBe(want);
  });

  it.each<[string, number]>([
    ['2026-11', 30],
    ['2026-12', 31],
    ['2027-02', 28],
    ['2028-02', 29],
  ])('daysInMonth(%s) → %i', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });
});

describe('monthBounds', () => {
  it.each<[string, string, string, string]>([
    ['2026-12', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z', '2026-12-31T15:00:00.000Z'],
    ['2026-12', 'UTC', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2027-03', 'America/New_York', '2027-03-01T05:00:00.000Z', '2027-04-01T04:00:00.000Z'],
  ])('monthBounds(%s, %s)', (month, zone, startUtc, endUtc) => {
    expect(monthBounds(month, zone)).toEqual({ startUtc, endUtc });
  });

  it('has an exclusive end that is the next month start', () => {
    expect(monthBounds('2026-12', 'Asia/Tokyo').endUtc).toBe(monthBounds('2027-01', 'Asia/Tokyo').startUtc);
  });

  it('rejects a malformed month', () => {
    expect(() => monthBounds('2026-1', 'Asia/Tokyo')).toThrow(/invalid month/);
  });
});

describe('holidayName / isoWeekday', () => {
  it.each<[string, string | undefined]>([
    ['2027-01-11', '成人の日'],
    ['2026-11-23', '勤労感謝の日'],
    ['2027-01-01', '元日'],
    ['2026-11-24', undefined],
    ['2026-12-03', undefined],
  ])('holidayName(%s) → %s', (date, name) => {
    expect(holidayName(date)).toBe(name);
  });

  it.each<[string, number]>([
    ['2026-11-23', 1],
    ['2026-12-01', 2],
    ['2026-12-03', 4],
    ['2026-12-05', 6],
    ['2026-12-06', 7],
    ['2028-02-29', 2],
  ])('isoWeekday(%s) → %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe('formatSlotWhen', () => {
  it.each<[string, number, string, 'ja' | 'en', string]>([
    ['2026-12-03T10:00:00.000Z', 60, 'Asia/Tokyo', 'ja', '12/3(木) 19:00–20:00'],
    ['2026-12-03T10:00:00.000Z', 60, 'Asia/Tokyo', 'en', 'Thu 12/3 19:00–20:00'],
    ['2026-12-02T10:30:00.000Z', 90, 'Asia/Tokyo', 'ja', '12/2(水) 19:30–21:00'],
    ['2026-12-02T10:30:00.000Z', 45, 'Asia/Tokyo', 'en', 'Wed 12/2 19:30–20:15'],
    ['2026-11-23T01:00:00.000Z', 60, 'Asia/Tokyo', 'ja', '11/23(月)(祝) 10:00–11:00'],
    ['2026-11-23T01:00:00.000Z', 60, 'Asia/Tokyo', 'en', 'Mon (holiday) 11/23 10:00–11:00'],
    ['2027-01-11T00:00:00.000Z', 60, 'Asia/Tokyo', 'ja', '1/11(月)(祝) 09:00–10:00'],
    ['2026-12-31T14:00:00.000Z', 60, 'Asia/Tokyo', 'ja', '12/31(木) 23:00–00:00'],
    ['2026-12-04T00:00:00.000Z', 60, 'America/New_York', 'en', 'Thu 12/3 19:00–20:00'],
  ])('formatSlotWhen(%s, %i, %s, %s) → %s', (start, minutes, zone, locale, want) => {
    expect(formatSlotWhen(start, minutes, zone, locale)).toBe(want);
  });
});

describe('toUtcIso', () => {
  it('always gives milliseconds and Z', () => {
    expect(toUtcIso(new Date('2026-12-03T10:00:00Z'))).toBe('2026-12-03T10:00:00.000Z');
    expect(
      toUtcIso(DateTime.fromObject({ year: 2026, month: 12, day: 3, hour: 19 }, { zone: 'Asia/Tokyo' })),
    ).toBe('2026-12-03T10:00:00.000Z');
    expect(toUtcIso(DateTime.fromISO('2026-12-03T19:00:00.123-05:00', { setZone: true }))).toBe(
      '2026-12-04T00:00:00.123Z',
    );
  });

  it('sorts as strings in time order', () => {
    const instants = ['2026-12-03T09:59:59.999Z', '2026-12-03T10:00:00Z', '2027-01-01T00:00:00Z'];
    const isos = instants.map((i) => toUtcIso(new Date(i)));
    expect([...isos].reverse().sort()).toEqual(isos);
  });

  it('refuses an invalid instant', () => {
    expect(() => toUtcIso(new Date('nope'))).toThrow(/invalid/);
  });
});

describe('the fast path for stored instants', () => {
  const ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  it('reads the same local dates, months and times as luxon, in any zone, at any instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2040-01-01') }),
        fc.integer({ min: 15, max: 600 }),
        (zone, ms, minutes) => {
          const iso = new Date(ms).toISOString();
          const start = DateTime.fromMillis(ms, { zone });
          const end = start.plus({ minutes });
          expect(localDateOf(iso, zone)).toBe(start.toFormat('yyyy-MM-dd'));
          expect(monthOf(new Date(ms), zone)).toBe(start.toFormat('yyyy-MM'));
          expect(formatSlotWhen(iso, minutes, zone, 'en')).toContain(
            `${start.month}/${start.day} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`,
          );
        },
      ),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});
