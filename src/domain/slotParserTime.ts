/**
 * Times of one `/slots add` entry, in minutes since the local midnight of its date: am/pm and the Japanese
 * time-of-day words applied and checked, ranges (past midnight too) and lengths reconciled. Nothing is
 * guessed: a clock that could mean two times is `slot_time_ambiguous`, two lengths that disagree are
 * `slot_length_conflict`.
 */
import { DomainError } from './errors.js';
import { DEFAULT_MINUTES } from './plans.js';
import type { Clock, LengthToken, Meridiem, TimeToken } from './slotParserTokens.js';

export const MIN_SLOT_MINUTES = 15;
export const MAX_SLOT_MINUTES = 240;

type ClockValue = number | 'invalid' | 'ambiguous';

/**
 * The hours each time-of-day word allows, written 12-hour (`夜7時`) or 24-hour (`夜19時`): `[from, to]` of the
 * 12-hour form, which gets +12 except for `朝`/`午前`. `夜1時`, `夜12時`, `午前12時` are ambiguous.
 */
const WORD_HOURS: Record<Exclude<Meridiem, 'am' | 'pm'>, { from: number; to: number; pm: boolean }> = {
  午前: { from: 0, to: 11, pm: false },
  朝: { from: 4, to: 11, pm: false },
  午後: { from: 0, to: 11, pm: true },
  昼: { from: 1, to: 5, pm: true },
  夕方: { from: 3, to: 7, pm: true },
  夜: { from: 6, to: 11, pm: true },
};

const wordClock = (c: Clock, meridiem: keyof typeof WORD_HOURS): ClockValue => {
  const w = WORD_HOURS[meridiem];
  if (c.hour >= w.from && c.hour <= w.to) return (c.hour + (w.pm ? 12 : 0)) * 60 + c.minute;
  // `夜19時`, `夕方17時`, `昼13時`: the 24-hour form of an hour the word allows.
  if (w.pm && meridiem !== '午後' && c.hour >= w.from + 12 && c.hour <= w.to + 12)
    return c.hour * 60 + c.minute;
  if (meridiem === '昼' && (c.hour === 11 || c.hour === 12)) return c.hour * 60 + c.minute;
  return c.hour <= 12 ? 'ambiguous' : 'invalid';
};

/**
 * 24-hour unless marked; `12am` = 0:00, `12pm` = 12:00; an end may be `24:00` or, for a range into the
 * night, up to `29:59` (`23時〜25時`).
 */
export const clockMinutes = (c: Clock, isEnd: boolean): ClockValue => {
  if (c.minute > 59) return 'invalid';
  if (c.meridiem === undefined) {
    if (isEnd && c.hour <= 29) return c.hour * 60 + c.minute;
    return c.hour <= 23 ? c.hour * 60 + c.minute : 'invalid';
  }
  if (c.meridiem === 'am' || c.meridiem === 'pm') {
    if (c.hour < 1 || c.hour > 12) return 'invalid';
    return ((c.hour % 12) + (c.meridiem === 'pm' ? 12 : 0)) * 60 + c.minute;
  }
  return wordClock(c, c.meridiem);
};

const clockOrThrow = (c: Clock, isEnd: boolean, entry: string, token: string): number => {
  const v = clockMinutes(c, isEnd);
  if (v === 'invalid') throw new DomainError('slot_time_invalid', { entry, token });
  if (v === 'ambiguous') throw new DomainError('slot_time_ambiguous', { entry, token });
  return v;
};

/** `7:00-8:30pm`, `午後7時〜8時`: the unmarked side takes the other's am/pm when that gives start < end. */
const shareMeridiem = (start: Clock, end: Clock): [Clock, Clock] => {
  const meridiem = start.meridiem ?? end.meridiem;
  if (!meridiem || (start.meridiem && end.meridiem)) return [start, end];
  const s = clockMinutes({ ...start, meridiem }, false);
  const e = clockMinutes({ ...end, meridiem }, true);
  return typeof s === 'number' && typeof e === 'number' && s < e
    ? [
        { ...start, meridiem },
        { ...end, meridiem },
      ]
    : [start, end];
};

/** `今夜 8時`: an unmarked clock of an evening entry reads as `夜8時`; a 24-hour one stays as written. */
const evening = (c: Clock): Clock =>
  c.meridiem === undefined && c.hour <= 12 ? { ...c, meridiem: '夜' } : c;

export interface TimeSpec {
  startMinute: number;
  /** Minutes since the start date's midnight; past 1440 when the range ends the next day. */
  endMinute: number | undefined;
  minutes: number;
}

export interface TimeInput {
  time: TimeToken | undefined;
  lengths: LengthToken[];
  evening: boolean;
}

const missingTime = (lengths: LengthToken[], entry: string): DomainError => {
  const bare = lengths.find((l) => l.bare);
  if (bare && bare.minutes >= 1 && bare.minutes <= 12) {
    return new DomainError('slot_time_ambiguous', { entry, token: bare.text });
  }
  return new DomainError('slot_time_missing', { entry });
};

/** The one length the entry states (all its lengths, and its range, must agree), or undefined. */
const statedLength = (
  lengths: LengthToken[],
  range: number | undefined,
  entry: string,
): number | undefined => {
  const first = lengths[0];
  const stated = range ?? first?.minutes;
  const other = lengths.find((l) => l.minutes !== stated);
  if (other && stated !== undefined) {
    throw new DomainError('slot_length_conflict', {
      entry,
      token: other.text,
      minutes: stated,
      other: other.minutes,
    });
  }
  return stated;
};

export const resolveTime = (input: TimeInput, entry: string): TimeSpec => {
  const { time } = input;
  if (!time) throw missingTime(input.lengths, entry);
  const adjust = input.evening ? evening : (c: Clock) => c;
  const [start, end] = time.end ? shareMeridiem(adjust(time.start), adjust(time.end)) : [adjust(time.start)];
  const startMinute = clockOrThrow(start, false, entry, time.text);
  let endMinute = end ? clockOrThrow(end, true, entry, time.text) : undefined;
  // `23:00-0:30`: an end at or before the start is the next day when that makes a slot of allowed length.
  if (
    endMinute !== undefined &&
    endMinute <= startMinute &&
    endMinute + 1440 - startMinute <= MAX_SLOT_MINUTES
  ) {
    endMinute += 1440;
  }
  if (endMinute !== undefined && endMinute <= startMinute) {
    throw new DomainError('slot_end_before_start', { entry, token: time.text });
  }
  const range = endMinute !== undefined ? endMinute - startMinute : undefined;
  const minutes = statedLength(input.lengths, range, entry) ?? DEFAULT_MINUTES;
  if (minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) {
    throw new DomainError('slot_length_out_of_range', { entry, minutes });
  }
  return { startMinute, endMinute, minutes };
};
