/**
 * Parser for the entries of `/slots add` (pure: `now`, zone and month are arguments).
 *
 * Entries are split on newline, `,`, `、`, `，`; each entry is NFKC-normalised and tokenised with explicit
 * regexes into one date or weekly pattern, one start time or time range and an optional length, in any
 * order, spaces optional (`12月3日19時`). Anything left over is `slot_unrecognized`; nothing is guessed.
 *   date:    12/3, 2026-12-03, 2026/12/3, 12月3日, 2026年12月3日, Dec 3, 3日 (+ hint (水) （木） (Wed) 水曜)
 *   pattern: 毎週火曜(日), 毎週火・木, 毎週火木, every tue, every tue/thu, every tue & thu, 平日, weekdays,
 *            土日, 週末, weekends, 毎日, every day (a `,` would split the entry, so no `every tue,thu`)
 *   time:    19:00, 9:30, 19時, 19時30分, 19時半, 7pm, 7:30pm, 午後7時, 午前10時; range with - ~ 〜 から
 *   length:  90, 90分, 45min, 45m, 1h, 1.5h, 1時間, 1時間半, ライト/light, 初回/first, 継続/followup
 * Problems throw a coded DomainError (`slot_*`) naming the entry.
 *
 * This file is the public entry and the pipeline; the words are in `slotParserVocabulary.ts`, reading an
 * entry into tokens in `slotParserTokenizer.ts`, tokens → checked slots in `slotParserResolver.ts`.
 */
import { DateTime } from 'luxon';
import { monthOf } from './calendar.js';
import { DomainError } from './errors.js';
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
  resolveEntry(tokenize(entry.normalize('NFKC'), entry), entry, ctx);

/** The entries of one command: split on newline, `,`, `、`, `，`; trimmed; empty ones dropped. */
export const splitEntries = (text: string): string[] =>
  text
    .split(/[\n\r,、，]/)
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
