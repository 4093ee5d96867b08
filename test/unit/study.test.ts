/** Study sessions, the pure parts: `/study add` text, seats and the waiting list, reminder windows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import {
  applyRsvp,
  assignSeats,
  countRsvps,
  neutralizeBroadcasts,
  parseStudyAdd,
  parseStudyId,
  type Rsvp,
  type RsvpAnswer,
  reminderDue,
  waitRank,
} from '../../src/domain/study.js';

const now = new Date('2026-11-25T10:00:00+09:00');
const zone = 'Asia/Tokyo';
const parse = (text: string) => parseStudyAdd(text, { now, zone });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'no error';
};

describe('parseStudyAdd', () => {
  it.each([
    [
      '12/10 20:00 90 採用市場の最新動向 #採用',
      { startUtc: '2026-12-10T11:00:00.000Z', minutes: 90, title: '採用市場の最新動向', tags: ['採用'] },
    ],
    [
      '12/10 20:00 採用市場の最新動向',
      { startUtc: '2026-12-10T11:00:00.000Z', minutes: 60, title: '採用市場の最新動向', tags: [] },
    ],
    [
      '12月10日 20時 1時間半 面接対策の勉強会 #面接',
      { startUtc: '2026-12-10T11:00:00.000Z', minutes: 90, title: '面接対策の勉強会', tags: ['面接対策'] },
    ],
    [
      '2026-12-10 19:30-21:00 キャリア理論 読書会',
      { startUtc: '2026-12-10T10:30:00.000Z', minutes: 90, title: 'キャリア理論 読書会', tags: [] },
    ],
    [
      '12/10 20:00 5 tips for interviews',
      { startUtc: '2026-12-10T11:00:00.000Z', minutes: 60, title: '5 tips for interviews', tags: [] },
    ],
    [
      '12/10 20:00 3社の求人票の読み方',
      { startUtc: '2026-12-10T11:00:00.000Z', minutes: 60, title: '3社の求人票の読み方', tags: [] },
    ],
    [
      '12/10 20:00 45 計画的偶発性理論 #キャリア教育 #HR',
      {
        startUtc: '2026-12-10T11:00:00.000Z',
        minutes: 45,
        title: '計画的偶発性理論',
        tags: ['キャリア教育', '人事'],
      },
    ],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual({ ...expected, capacity: undefined });
  });

  it('takes a capacity out of the title', () => {
    expect(parse('12/10 20:00 派遣の最新事情 定員10名 #派遣')).toMatchObject({
      title: '派遣の最新事情',
      capacity: 10,
      tags: ['派遣'],
    });
    expect(parse('12/10 20:00 Hiring update cap 3').capacity).toBe(3);
  });

  it.each([
    ['', 'study_usage'],
    ['12/10 20:00', 'study_title_missing'],
    ['12/10 20:00 #採用', 'study_title_missing'],
    ['2026-11-20 19:00 過去の勉強会', 'study_in_past'],
    ['12/10 20:00 300 長すぎる勉強会', 'study_length_invalid'],
    ['そのうち勉強会', 'study_when_invalid'],
    ['12/10 勉強会', 'study_when_invalid'],
    ['2/30 20:00 勉強会', 'slot_date_invalid'],
    ['12/10 20:00 勉強会 定員0', 'study_capacity_invalid'],
    [`12/10 20:00 ${'あ'.repeat(151)}`, 'study_title_too_long'],
  ])('%s → %s', (text, code) => {
    expect(codeOf(() => parse(text))).toBe(code);
  });

  it.each([
    ['12', 12],
    ['#12', 12],
    ['＃１２', 12],
  ])('parseStudyId(%s) = %i', (text, id) => {
    expect(parseStudyId(text)).toBe(id);
  });
});

const going = (userId: string, position: number, waitlisted = false): Rsvp => ({
  userId,
  answer: 'going',
  waitlisted,
  position,
});

/** Answers applied one after another from nobody, as the database would store them. */
const replay = (steps: Array<[string, RsvpAnswer]>, capacity: number | null): Rsvp[] =>
  steps.reduce<Rsvp[]>((rows, [user, answer]) => applyRsvp(rows, user, answer, capacity).rsvps, []);

describe('RSVPs and the waiting list', () => {
  it('gives seats in join order and puts the rest on the waiting list', () => {
    const rows = replay(
      [
        ['A', 'going'],
        ['B', 'going'],
        ['C', 'going'],
        ['D', 'maybe'],
      ],
      2,
    );
    expect(rows.filter((r) => r.waitlisted).map((r) => r.userId)).toEqual(['C']);
    expect(countRsvps(rows)).toEqual({ going: 2, waitlisted: 1, maybe: 1, notGoing: 0 });
    expect(waitRank(rows, 'C')).toBe(1);
  });

  it('saying the same again changes nothing', () => {
    const rows = replay([['A', 'going']], 1);
    const again = applyRsvp(rows, 'A', 'going', 1);
    expect(again.changed).toBe(false);
    expect(again.rsvps).toEqual(rows);
    expect(again.promoted).toEqual([]);
  });

  it('moves the first waiting person up when someone with a seat switches away', () => {
    const rows = replay(
      [
        ['A', 'going'],
        ['B', 'going'],
        ['C', 'going'],
        ['D', 'going'],
      ],
      2,
    );
    const out = applyRsvp(rows, 'A', 'not_going', 2);
    expect(out.changed).toBe(true);
    expect(out.promoted.map((r) => r.userId)).toEqual(['C']);
    expect(out.rsvps.filter((r) => r.answer === 'going' && !r.waitlisted).map((r) => r.userId)).toEqual([
      'B',
      'C',
    ]);
    expect(waitRank(out.rsvps, 'D')).toBe(1);
  });

  it('a waiting person who leaves promotes nobody; coming back joins at the end', () => {
    const rows = replay(
      [
        ['A', 'going'],
        ['B', 'going'],
        ['C', 'going'],
      ],
      1,
    );
    const left = applyRsvp(rows, 'B', 'maybe', 1);
    expect(left.promoted).toEqual([]);
    expect(waitRank(left.rsvps, 'C')).toBe(1);
    const back = applyRsvp(left.rsvps, 'B', 'going', 1);
    expect(back.waitRank).toBe(2);
    const seatBack = applyRsvp(back.rsvps, 'A', 'going', 1);
    expect(seatBack.changed).toBe(false);
  });

  it('without a capacity nobody waits', () => {
    const rows = assignSeats([going('A', 1, true), going('B', 2, true)], null);
    expect(rows.every((r) => !r.waitlisted)).toBe(true);
  });

  const step = fc.tuple(
    fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    fc.constantFrom(...(['going', 'not_going', 'maybe'] as const)),
  );

  it('keeps the invariants for any sequence of clicks (property)', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        (steps, capacity) => {
          let rows: Rsvp[] = [];
          for (const [user, answer] of steps) {
            const before = rows;
            const out = applyRsvp(rows, user, answer, capacity);
            rows = out.rsvps;
            // One row per person, holding the last answer.
            expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
            expect(out.mine.answer).toBe(answer);
            // Seats never exceed the capacity, and nobody waits while a seat is free.
            const counts = countRsvps(rows);
            if (capacity !== null) {
              expect(counts.going).toBe(Math.min(capacity, counts.going + counts.waitlisted));
            } else {
              expect(counts.waitlisted).toBe(0);
            }
            // Seats go to the earliest joiners.
            const seated = rows.filter((r) => r.answer === 'going' && !r.waitlisted);
            const waiting = rows.filter((r) => r.answer === 'going' && r.waitlisted);
            for (const s of seated) for (const w of waiting) expect(s.position).toBeLessThan(w.position);
            // Whoever moves up was waiting before and isn't now; the same click twice is no change.
            for (const p of out.promoted)
              expect(before.find((r) => r.userId === p.userId)?.waitlisted).toBe(true);
            expect(applyRsvp(rows, user, answer, capacity).changed).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('neutralizeBroadcasts', () => {
  it.each([
    ['<!channel> 勉強会', '@channel 勉強会'],
    ['<!here|here> x', '@here x'],
    ['<!everyone>', '@everyone'],
    ['<!subteam^S123|@supporters> 向け', '@supporters 向け'],
    ['<@UKEN> さんと', '<@UKEN> さんと'],
  ])('%s → %s', (text, expected) => {
    expect(neutralizeBroadcasts(text)).toBe(expected);
  });
});

describe('reminderDue', () => {
  const start = '2026-12-10T11:00:00.000Z';
  it.each([
    ['2026-12-09T10:59:59.000Z', undefined],
    ['2026-12-09T11:00:00.000Z', 'day'],
    ['2026-12-10T09:59:59.000Z', 'day'],
    ['2026-12-10T10:00:00.000Z', 'hour'],
    ['2026-12-10T10:59:00.000Z', 'hour'],
    ['2026-12-10T11:00:00.000Z', undefined],
    ['2026-12-10T12:00:00.000Z', undefined],
  ])('at %s → %s', (at, expected) => {
    expect(reminderDue(start, new Date(at))).toBe(expected);
  });
});
