/**
 * Cron occurrences as instants (previous / next) across month and year ends, in Asia/Tokyo and in
 * America/New_York on its 2027 DST days, checked against tables and against node-cron's own matcher;
 * and the quota target month.
 */
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { targetMonth } from '../../src/domain/targetMonth.js';
import { nextOccurrence, previousOccurrence } from '../../src/jobs/cronTime.js';

const TOKYO = 'Asia/Tokyo';
const NY = 'America/New_York';
const iso = (s: string) => new Date(s).toISOString();

describe('previousOccurrence (at or before now)', () => {
  it.each([
    // expr, zone, now, expected
    ['0 10 * * 1,4', TOKYO, '2026-11-25T10:00:00+09:00', '2026-11-23T10:00:00+09:00'],
    ['0 10 * * 1,4', TOKYO, '2026-11-23T10:00:00+09:00', '2026-11-23T10:00:00+09:00'],
    ['0 10 * * 1,4', TOKYO, '2026-11-23T10:00:59+09:00', '2026-11-23T10:00:00+09:00'],
    ['0 10 * * 1,4', TOKYO, '2026-11-23T09:59:59+09:00', '2026-11-19T10:00:00+09:00'],
    ['0 9 1 * *', TOKYO, '2026-12-01T08:59:00+09:00', '2026-11-01T09:00:00+09:00'],
    ['0 9 * * 1-5', TOKYO, '2027-01-01T00:30:00+09:00', '2026-12-31T09:00:00+09:00'],
    ['0 9 * * 1-5', TOKYO, '2027-01-04T08:00:00+09:00', '2027-01-01T09:00:00+09:00'],
    ['30 3 * * *', TOKYO, '2027-01-01T03:29:00+09:00', '2026-12-31T03:30:00+09:00'],
    ['*/30 * * * *', TOKYO, '2027-01-01T00:10:00+09:00', '2027-01-01T00:00:00+09:00'],
    ['0 9 L * *', TOKYO, '2027-03-15T00:00:00+09:00', '2027-02-28T09:00:00+09:00'],
    // spring forward (2027-03-14 02:00 EST → 03:00 EDT): 02:30 does not exist that day
    ['30 2 * * *', NY, '2027-03-14T12:00:00-04:00', '2027-03-13T02:30:00-05:00'],
    ['0 9 * * *', NY, '2027-03-14T08:59:00-04:00', '2027-03-13T09:00:00-05:00'],
    ['0 9 * * *', NY, '2027-03-14T09:00:00-04:00', '2027-03-14T09:00:00-04:00'],
    ['0 18 * * *', NY, '2027-03-14T17:00:00-04:00', '2027-03-13T18:00:00-05:00'],
    // fall back (2027-11-07 02:00 EDT → 01:00 EST): 01:30 happens twice
    ['30 1 * * *', NY, '2027-11-07T03:00:00-05:00', '2027-11-07T01:30:00-05:00'],
    ['30 1 * * *', NY, '2027-11-07T01:45:00-04:00', '2027-11-07T01:30:00-04:00'],
    ['0 9 * * *', NY, '2027-11-07T10:00:00-05:00', '2027-11-07T09:00:00-05:00'],
    ['0 9 * * 1-5', NY, '2027-01-01T08:00:00-05:00', '2026-12-31T09:00:00-05:00'],
    ['0 0 1 1 *', NY, '2027-01-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00'],
  ])('%s in %s at %s → %s', (expr, zone, now, expected) => {
    expect(previousOccurrence(expr, zone, new Date(now))?.toISOString()).toBe(iso(expected));
  });

  it('finds nothing beyond its search bound', () => {
    expect(previousOccurrence('0 9 1 1 *', TOKYO, new Date('2026-11-25T00:00:00Z'), 8)).toBeUndefined();
  });
});

describe('nextOccurrence (strictly after)', () => {
  it.each([
    ['0 10 * * 1,4', TOKYO, '2026-12-31T12:00:00+09:00', '2027-01-04T10:00:00+09:00'],
    ['0 10 * * 1,4', TOKYO, '2026-11-23T10:00:00+09:00', '2026-11-26T10:00:00+09:00'],
    ['0 9 * * 1-5', TOKYO, '2026-11-30T23:00:00+09:00', '2026-12-01T09:00:00+09:00'],
    ['0 9 L * *', TOKYO, '2027-02-01T00:00:00+09:00', '2027-02-28T09:00:00+09:00'],
    ['0 9 * * 1-5', NY, '2026-12-31T10:00:00-05:00', '2027-01-01T09:00:00-05:00'],
    ['30 2 * * *', NY, '2027-03-13T12:00:00-05:00', '2027-03-15T02:30:00-04:00'],
    ['0 9 * * *', NY, '2027-03-13T09:00:00-05:00', '2027-03-14T09:00:00-04:00'],
    ['30 1 * * *', NY, '2027-11-07T00:00:00-04:00', '2027-11-07T01:30:00-04:00'],
    ['30 1 * * *', NY, '2027-11-07T01:30:00-04:00', '2027-11-07T01:30:00-05:00'],
    ['0 9 * * *', NY, '2027-11-06T09:00:00-04:00', '2027-11-07T09:00:00-05:00'],
    ['*/30 * * * *', NY, '2027-11-07T01:59:00-04:00', '2027-11-07T01:00:00-05:00'],
  ])('%s in %s after %s → %s', (expr, zone, after, expected) => {
    expect(nextOccurrence(expr, zone, new Date(after))?.toISOString()).toBe(iso(expected));
  });
});

describe('agreement with node-cron', () => {
  it.each([
    // expr, zone, from, how many occurrences to walk (every minute in between is checked)
    ['0 10 * * 1,4', TOKYO, '2026-12-28T00:00:00Z', 3],
    ['0 10 * * 1,4', NY, '2026-12-28T00:00:00Z', 3],
    ['30 2 * * *', NY, '2027-03-12T00:00:00Z', 3],
    ['30 1 * * *', NY, '2027-11-05T00:00:00Z', 4],
    ['*/30 * * * *', NY, '2027-11-07T04:00:00Z', 6],
    ['0 9 L * *', TOKYO, '2027-02-25T00:00:00Z', 1],
    ['0 9 15W * *', NY, '2027-05-10T00:00:00Z', 1],
    ['0 9 * * 5L', TOKYO, '2026-12-20T00:00:00Z', 1],
    ['0 9 * * 1#2', NY, '2027-03-06T00:00:00Z', 1],
  ] as const)('%s in %s from %s: exactly the minutes node-cron matches', (expr, zone, from, count) => {
    const task = cron.createTask(expr, () => {}, { timezone: zone });
    try {
      let t = new Date(from);
      for (let i = 0; i < count; i += 1) {
        const next = nextOccurrence(expr, zone, t);
        if (!next) throw new Error(`no occurrence of ${expr} after ${t.toISOString()}`);
        expect(task.match(next)).toBe(true);
        for (let m = t.getTime() + 60_000; m < next.getTime(); m += 60_000) {
          if (task.match(new Date(m))) throw new Error(`missed ${new Date(m).toISOString()}`);
        }
        expect(previousOccurrence(expr, zone, new Date(next.getTime() + 59_000))).toEqual(next);
        t = next;
      }
    } finally {
      task.destroy();
    }
  });
});

describe('targetMonth', () => {
  it.each([
    ['2026-11-19T23:59:59+09:00', TOKYO, '2026-11'],
    ['2026-11-20T00:00:00+09:00', TOKYO, '2026-12'],
    ['2026-12-01T00:00:00+09:00', TOKYO, '2026-12'],
    ['2026-12-19T14:59:59Z', TOKYO, '2026-12'],
    ['2026-12-19T15:00:00Z', TOKYO, '2027-01'],
    ['2026-12-31T23:59:00+09:00', TOKYO, '2027-01'],
    ['2027-01-31T12:00:00+09:00', TOKYO, '2027-02'],
    ['2027-02-20T09:00:00+09:00', TOKYO, '2027-03'],
    ['2026-12-20T03:00:00Z', NY, '2026-12'],
    ['2026-12-20T05:00:00Z', NY, '2027-01'],
    ['2027-03-14T12:00:00-04:00', NY, '2027-03'],
    ['2027-11-20T00:30:00-05:00', NY, '2027-12'],
  ])('%s in %s → %s', (now, zone, expected) => {
    expect(targetMonth(new Date(now), zone)).toBe(expected);
  });
});
