/**
 * The tokens of one `/slots add` entry and the small regex helpers the readers share. Every token keeps the
 * text it was read from (`text`, normalised) so an error can quote exactly the part it is about.
 */
import { DomainError } from './errors.js';

/**
 * A meridiem as written before a clock: `am`/`pm`/`午前`/`午後`, or a time-of-day word — `朝` (morning),
 * `昼` (midday), `夕方` (early evening), `夜`/`晩` (evening). Each word allows only the hours it can mean;
 * the resolver refuses the rest rather than guess (`夜1時` could be 1:00 or 13:00).
 */
export type Meridiem = 'am' | 'pm' | '午前' | '午後' | '朝' | '昼' | '夕方' | '夜';
export type ClockStyle = 'colon' | 'ji' | 'ampm' | 'ja-meridiem' | 'word';

/** A clock time as written: hour and minute not yet checked, am/pm not yet applied. */
export interface Clock {
  hour: number;
  minute: number;
  meridiem: Meridiem | undefined;
  style: ClockStyle;
}

interface Written {
  /** The normalised text this token was read from, for error messages. */
  text: string;
}

/** A calendar date; `year`/`month` undefined when not written (`12/3`, `3日`). */
export interface DateToken extends Written {
  kind: 'date';
  year: number | undefined;
  month: number | undefined;
  day: number;
}

/** `今日`, `明日`, `明後日`, `今晩`: days after today; `evening` makes an unmarked hour an evening one. */
export interface RelativeToken extends Written {
  kind: 'relative';
  days: number;
  evening: boolean;
}

/**
 * A weekday. `week`: `bare` (`火曜`, `Tue`: the next one, today if its time is still ahead), `next`
 * (`次の火曜`, `next tue`: the first one after today), `this`/`next-week`/`after-next` (`今週`/`来週`/`再来週`:
 * in this / the following / the one after Monday-based week). With a date in the entry it is a hint
 * checked against that date.
 */
export interface WeekdayToken extends Written {
  kind: 'weekday';
  weekday: number;
  week: 'bare' | 'next' | 'this' | 'next-week' | 'after-next';
}

/** `第2土曜` (one date in the edited month) or `毎月第1・第3土曜` / `第1・3土曜` (a pattern in that month). */
export interface NthToken extends Written {
  kind: 'nth';
  nths: number[];
  weekday: number;
  monthly: boolean;
}

export interface PatternToken extends Written {
  kind: 'pattern';
  weekdays: number[];
}

export interface TimeToken extends Written {
  kind: 'time';
  start: Clock;
  end: Clock | undefined;
}

export interface LengthToken extends Written {
  kind: 'length';
  minutes: number;
  /** A bare number such as `90`: a length, but worth a hint when the time is missing. */
  bare: boolean;
}

export type Token =
  | DateToken
  | RelativeToken
  | WeekdayToken
  | NthToken
  | PatternToken
  | TimeToken
  | LengthToken;

/** What a reader found, before the tokeniser stamps the text on it. */
export type Unwritten<T> = T extends Token ? Omit<T, 'text'> : never;

export interface Hit<T> {
  value: T;
  end: number;
}

export const sticky = (source: string): RegExp => new RegExp(source, 'iy');

export const matchAt = (re: RegExp, s: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos;
  return re.exec(s);
};

/** A captured number; an absent group reads as 0. */
export const num = (s: string | undefined): number => Number(s ?? '0');

/** `「12/3 19:00 ほげ」の「ほげ」`: the entry as typed and the part that could not be read. */
export const unrecognized = (entry: string, token: string): DomainError =>
  new DomainError('slot_unrecognized', { entry, token });
