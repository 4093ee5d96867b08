/**
 * Parser for the entries of `/slots add`, the slots modal, `/consult` and `/study` (one parser; pure: `now`,
 * zone and month are arguments).
 *
 * Entries are split on newline, `,`, `、`, `，`; each entry loses a leading list bullet (`・`, `①`, `1.`), is
 * NFKC-normalised with kanji numerals as digits, and is tokenised with explicit regexes into one day or
 * pattern, one time or range, an optional weekday and lengths, in any order, spaces optional (`12月3日19時`).
 * Anything left over is `slot_unrecognized`, quoting the word; nothing is guessed.
 *   date:    12/3, 2026-12-03, 2026/12/3, 12月3日, 2026年12月3日, 令和8年12月3日, Dec 3, 3 Dec, 3日,
 *            今日/本日/明日/明後日/あさって/今晩/今夜, today/tomorrow/tonight, 第2土曜 (in the month)
 *   weekday: 火曜 / Tue (the next one), 今週/来週/再来週 + weekday (Monday-based weeks), 次の火曜, next tue;
 *            with a date anywhere in the entry (`12/3(木)`, `Thu 12/3`, `12/3 19:00 (木)`) it is checked
 *   pattern: 毎週火曜(日), 毎週火・木, 毎週火木, every tue, every tue/thu, every tue & thu, 平日, weekdays,
 *            土日, 週末, weekends, 毎日, every day, every tue,thu, 毎月第1・第3土曜, 第1・3土曜
 *   time:    19:00, 9:30, 19時, 19時30分, 19時半, 十九時, 7pm, 7:30pm, PM7:00, 午後7時, 午前10時, 夜7時, 朝10時,
 *            正午; range with - ~ 〜 から, past midnight (`23:00-0:30` ends the next day)
 *   length:  90, 90分, 45min, 45m, 1h, 1.5h, 1時間, 1時間半, ライト/light, 初回/first, 継続/followup
 *            (two lengths, or a length and a range, must agree)
 * Problems throw a coded DomainError (`slot_*`) naming the entry and, where there is one, the token.
 *
 * This file is the public entry and the pipeline: normalising in `slotParserNormalize.ts`, the words in
 * `slotParserVocabulary.ts`, reading an entry into tokens in `slotParserTokenizer.ts` (times in
 * `slotParserClock.ts`), tokens → checked slots in `slotParserResolver.ts` (days in `slotParserDays.ts`,
 * times in `slotParserTime.ts`).
 */
import { DateTime } from 'luxon';
import { monthOf } from './calendar.js';
import { DomainError } from './errors.js';
import { normalizeEntry } from './slotParserNormalize.js';
import { type ParsedSlot, type ResolveContext, resolveEntry } from './slotParserResolver.js';
import { tokenize } from './slotParserTokenizer.js';
import { assertNoOverlapWithin } from './slots.js';
import { zoneOf } from './zone.js';

export { MAX_SLOT_MINUTES, MIN_SLOT_MINUTES, type ParsedSlot } from './slotParserResolver.js';

export interface SlotParseOptions {
  now: Date;
  zone: string;
  /** `YYYY-MM`: the month being edited (for `3日` and weekly patterns); defaults to the month of `now`. */
  month?: string;
}

export const MAX_SLOTS_PER_COMMAND = 200;

const parseEntry = (entry: string, ctx: ResolveContext): ParsedSlot[] =>
  resolveEntry(tokenize(normalizeEntry(entry), entry), entry, ctx);

/**
 * Between entries: newline, `、`, `，`, and `,` — except the `,` of English dates (`Thursday, 3 Dec`,
 * `Dec 3, 2026`), after a weekday name or before a year.
 */
const ENTRY_SEPARATOR =
  /[\n\r、，]|(?<!(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?),(?!\s*\d{4}(?![\d\-/.年]))/i;

/** The entries of one command, trimmed; empty ones dropped. */
export const splitEntries = (text: string): string[] =>
  text
    .split(ENTRY_SEPARATOR)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);

/**
 * Parses every entry of `/slots add`, expanding weekly patterns, and returns the slots sorted by start.
 * Throws a DomainError (`slot_*`) for the first problem; nothing is returned partially.
 */
export const parseSlotEntries = (text: string, opts: SlotParseOptions): ParsedSlot[] => {
  const entries = splitEntries(text);
  if (entries.length === 0) throw new DomainError('slot_empty', {});
  if (opts.month !== undefined && !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(opts.month)) {
    throw new Error(`invalid month: ${opts.month}`);
  }
  const now = DateTime.fromJSDate(opts.now).setZone(zoneOf(opts.zone));
  if (!now.isValid) throw new Error(`invalid zone or now: ${opts.zone}`);
  const ctx: ResolveContext = { now, zone: opts.zone, month: opts.month ?? monthOf(opts.now, opts.zone) };
  const slots = entries.flatMap((entry) => parseEntry(entry, ctx));
  if (slots.length > MAX_SLOTS_PER_COMMAND) {
    throw new DomainError('slot_too_many', { count: slots.length, max: MAX_SLOTS_PER_COMMAND });
  }
  slots.sort((a, b) => (a.startUtc < b.startUtc ? -1 : a.startUtc > b.startUtc ? 1 : 0));
  assertNoOverlapWithin(slots);
  return slots;
};
