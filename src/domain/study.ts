/**
 * Study sessions (勉強会), the pure parts: reading `/study add <date> <time> [length] <title> [#tags]`,
 * the RSVP rules (one answer per person; seats in join order; a waiting list that moves up) and the
 * reminder windows. No I/O, no clock: `now` and the zone are arguments.
 *
 * Seats: among the people whose answer is 参加 (going), ordered by `position` (the order they said 参加),
 * the first `capacity` hold seats and the rest wait. Saying 参加 again changes nothing; switching away
 * frees the seat and the first waiting person moves up; switching back to 参加 joins at the end.
 */
import { DomainError } from './errors.js';
import { type ParsedSlot, parseSlotEntries } from './slotParser.js';
import { extractHashtags } from './tags.js';

export type RsvpAnswer = 'going' | 'not_going' | 'maybe';
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['going', 'not_going', 'maybe'];

export const MAX_STUDY_TITLE = 150;
export const MAX_STUDY_DESCRIPTION = 2000;
export const MAX_STUDY_CAPACITY = 1000;
export const MIN_STUDY_MINUTES = 15;
export const MAX_STUDY_MINUTES = 240;
export const DEFAULT_STUDY_MINUTES = 60;

// ---------------------------------------------------------------------------------------------------------
// `/study add`

export type StudyDraftText = {
  startUtc: string;
  minutes: number;
  title: string;
  tags: string[];
  capacity: number | undefined;
};

/** The longest date/time/length prefix tried: `2026年12月10日 午後8時 〜 9時半まで` is at most this many words. */
const MAX_WHEN_WORDS = 6;
const ENTRY_SEPARATORS = /[\n\r,、，]/;
/** `定員10`, `定員 10名`, `定員:10人`, `cap 10`, `capacity=10` anywhere in the title text. */
const CAPACITY_RE = /(?:^|\s)(?:定員|cap(?:acity)?)\s*[:=：]?\s*(\d{1,6})\s*(?:名|人)?(?=\s|$)/iu;
/** Slot-parser errors that say something precise about the date or time (the others mean "not a date"). */
const PRECISE_WHEN_ERRORS = new Set([
  'slot_date_invalid',
  'slot_weekday_mismatch',
  'slot_time_invalid',
  'slot_time_ambiguous',
  'slot_end_before_start',
  'slot_recent_past',
]);

const words = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

/** One slot from `words`, or the parser's error; weekly patterns and lists are not one slot. */
const tryWhen = (
  prefix: string,
  opts: { now: Date; zone: string },
): { slot: ParsedSlot } | { error: unknown } => {
  if (ENTRY_SEPARATORS.test(prefix))
    return { error: new DomainError('study_when_invalid', { text: prefix }) };
  try {
    const slots = parseSlotEntries(prefix, opts);
    if (slots.length !== 1) return { error: new DomainError('study_when_invalid', { text: prefix }) };
    return { slot: slots[0]! };
  } catch (error) {
    return { error };
  }
};

/** The study-specific error for a slot-parser error about `prefix`. */
const whenError = (error: unknown, prefix: string): unknown => {
  if (!(error instanceof DomainError)) return error;
  if (error.code === 'slot_in_past') return new DomainError('study_in_past', { text: prefix });
  if (error.code === 'slot_length_out_of_range') {
    return new DomainError('study_length_invalid', {
      minutes: error.params.minutes ?? '?',
      min: MIN_STUDY_MINUTES,
      max: MAX_STUDY_MINUTES,
    });
  }
  if (PRECISE_WHEN_ERRORS.has(error.code)) return error;
  return new DomainError('study_when_invalid', { text: prefix });
};

const isTooLong = (error: unknown): boolean =>
  error instanceof DomainError &&
  error.code === 'slot_length_out_of_range' &&
  Number(error.params.minutes) > MAX_STUDY_MINUTES;

/**
 * `12/10 20:00 90 採用市場の最新動向 #採用 定員10` → start, length (default 60), title, tags, capacity.
 * The date/time/length is the longest leading run of words the `/slots` grammar reads as exactly one
 * slot; everything after it is the title (with its #tags and an optional `定員N` taken out).
 */
export const parseStudyAdd = (text: string, opts: { now: Date; zone: string }): StudyDraftText => {
  const all = words(text.trim());
  if (all.length === 0) throw new DomainError('study_usage');
  let found: { slot: ParsedSlot; used: number } | undefined;
  let firstError: unknown;
  for (let n = Math.min(MAX_WHEN_WORDS, all.length); n >= 1; n -= 1) {
    const prefix = all.slice(0, n).join(' ');
    const attempt = tryWhen(prefix, opts);
    if ('slot' in attempt) {
      found = { slot: attempt.slot, used: n };
      break;
    }
    // A length longer than allowed is meant as a length (a small number may start the title: `5 tips`).
    if (isTooLong(attempt.error)) throw whenError(attempt.error, prefix);
    // The error worth showing is the one for "date time" (two words), the usual shape.
    if (n <= 2 && firstError === undefined) firstError = whenError(attempt.error, prefix);
  }
  if (!found) throw firstError ?? new DomainError('study_when_invalid', { text: all.slice(0, 2).join(' ') });
  const rest = all.slice(found.used).join(' ');
  const { title, tags, capacity } = parseStudyTitle(rest);
  return { startUtc: found.slot.startUtc, minutes: found.slot.minutes, title, tags, capacity };
};

/**
 * A start (and optional length) written on its own, e.g. a Workflow Builder step's input: the same
 * grammar and errors as the date part of `/study add`.
 */
export const parseStudyWhen = (
  text: string,
  opts: { now: Date; zone: string },
): { startUtc: string; minutes: number } => {
  const prefix = words(text.trim()).join(' ');
  if (!prefix) throw new DomainError('study_when_invalid', { text: '' });
  const attempt = tryWhen(prefix, opts);
  if ('error' in attempt) throw whenError(attempt.error, prefix);
  return { startUtc: attempt.slot.startUtc, minutes: attempt.slot.minutes };
};

/** The title text: `#tags` and `定員N` taken out, checked for presence and length. */
export const parseStudyTitle = (
  text: string,
): { title: string; tags: string[]; capacity: number | undefined } => {
  let capacity: number | undefined;
  const withoutCapacity = text.replace(CAPACITY_RE, (_whole, n: string) => {
    capacity = assertCapacity(Number(n));
    return ' ';
  });
  const { tags, rest } = extractHashtags(withoutCapacity);
  const title = rest.replace(/\s+/gu, ' ').trim();
  assertTitle(title);
  return { title, tags, capacity };
};

export const assertTitle = (title: string): void => {
  if (!title) throw new DomainError('study_title_missing', {}, 'title');
  if ([...title].length > MAX_STUDY_TITLE) {
    throw new DomainError('study_title_too_long', { max: MAX_STUDY_TITLE }, 'title');
  }
};

export const assertCapacity = (capacity: number): number => {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_STUDY_CAPACITY) {
    throw new DomainError('study_capacity_invalid', { max: MAX_STUDY_CAPACITY }, 'capacity');
  }
  return capacity;
};

export const assertMinutes = (minutes: number): number => {
  if (!Number.isInteger(minutes) || minutes < MIN_STUDY_MINUTES || minutes > MAX_STUDY_MINUTES) {
    throw new DomainError(
      'study_length_invalid',
      { minutes, min: MIN_STUDY_MINUTES, max: MAX_STUDY_MINUTES },
      'minutes',
    );
  }
  return minutes;
};

/**
 * Broadcast mentions (`<!channel>`, `<!here>`, `<!everyone>`, user groups) in a title or description
 * become plain text: announcing a study session must not notify a whole channel.
 */
export const neutralizeBroadcasts = (text: string): string =>
  text
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(
      /<!subteam\^[A-Z0-9]+(?:\|@?([^>]*))?>/g,
      (_m, name: string | undefined) => `@${name ?? 'group'}`,
    );

/** `12`, `#12`, `＃１２` → 12; anything else names itself as not found. */
export const parseStudyId = (text: string): number => {
  const word = text.normalize('NFKC').trim();
  const m = /^#?(\d{1,9})$/.exec(word);
  if (!m) throw new DomainError('study_not_found', { id: word || '?' });
  return Number(m[1]);
};

// ---------------------------------------------------------------------------------------------------------
// RSVPs and the waiting list

export type Rsvp = {
  userId: string;
  answer: RsvpAnswer;
  waitlisted: boolean;
  /** Join order among 参加 answers. */
  position: number;
};

/** Which 参加 people wait (beyond `capacity`, in join order); everyone else holds a seat or isn't going. */
export const assignSeats = (rsvps: readonly Rsvp[], capacity: number | null): Rsvp[] => {
  const going = rsvps
    .filter((r) => r.answer === 'going')
    .sort((a, b) => a.position - b.position || a.userId.localeCompare(b.userId));
  const waiting = new Set(capacity === null ? [] : going.slice(Math.max(0, capacity)).map((r) => r.userId));
  return rsvps.map((r) => ({ ...r, waitlisted: waiting.has(r.userId) }));
};

export type RsvpOutcome = {
  /** False when the answer was already this one: nothing is stored, the post stays as it is. */
  changed: boolean;
  /** Every row after the change, seats reassigned. */
  rsvps: Rsvp[];
  /** The clicker's row after the change. */
  mine: Rsvp;
  /** 1-based place on the waiting list when the clicker waits. */
  waitRank: number | undefined;
  /** People who were waiting and now hold a seat, in join order. */
  promoted: Rsvp[];
};

/**
 * Applies one person's answer. Saying the same again is no change; a new 参加 joins at the end of the
 * join order; leaving 参加 frees the seat for the first waiting person.
 */
export const applyRsvp = (
  rsvps: readonly Rsvp[],
  userId: string,
  answer: RsvpAnswer,
  capacity: number | null,
): RsvpOutcome => {
  const before = assignSeats(rsvps, capacity);
  const current = before.find((r) => r.userId === userId);
  if (current && current.answer === answer) {
    return { changed: false, rsvps: before, mine: current, waitRank: waitRank(before, userId), promoted: [] };
  }
  const nextPosition = before.reduce((max, r) => Math.max(max, r.position), 0) + 1;
  const mine: Rsvp = {
    userId,
    answer,
    waitlisted: false,
    position: answer === 'going' ? nextPosition : (current?.position ?? 0),
  };
  const after = assignSeats([...before.filter((r) => r.userId !== userId), mine], capacity);
  return {
    changed: true,
    rsvps: after,
    mine: after.find((r) => r.userId === userId)!,
    waitRank: waitRank(after, userId),
    promoted: promotedBetween(before, after),
  };
};

/** People waiting in `before` who hold a seat in `after`, in join order. */
export const promotedBetween = (before: readonly Rsvp[], after: readonly Rsvp[]): Rsvp[] => {
  const waitingBefore = new Set(before.filter((r) => r.waitlisted).map((r) => r.userId));
  return after
    .filter((r) => r.answer === 'going' && !r.waitlisted && waitingBefore.has(r.userId))
    .sort((a, b) => a.position - b.position);
};

/** 1-based place on the waiting list, or undefined when not waiting. */
export const waitRank = (rsvps: readonly Rsvp[], userId: string): number | undefined => {
  const waiting = rsvps
    .filter((r) => r.answer === 'going' && r.waitlisted)
    .sort((a, b) => a.position - b.position || a.userId.localeCompare(b.userId));
  const i = waiting.findIndex((r) => r.userId === userId);
  return i < 0 ? undefined : i + 1;
};

export type RsvpCounts = { going: number; waitlisted: number; maybe: number; notGoing: number };

export const countRsvps = (rsvps: readonly Pick<Rsvp, 'answer' | 'waitlisted'>[]): RsvpCounts => ({
  going: rsvps.filter((r) => r.answer === 'going' && !r.waitlisted).length,
  waitlisted: rsvps.filter((r) => r.answer === 'going' && r.waitlisted).length,
  maybe: rsvps.filter((r) => r.answer === 'maybe').length,
  notGoing: rsvps.filter((r) => r.answer === 'not_going').length,
});

// ---------------------------------------------------------------------------------------------------------
// Reminders

export const DAY_REMINDER_HOURS = 24;
export const HOUR_REMINDER_HOURS = 1;
/** Follow-ups are asked only for sessions that ended within this many days (no flood on first deploy). */
export const FOLLOWUP_LOOKBACK_DAYS = 7;

/**
 * Which reminder is due for a session starting at `startUtc`, seen at `now`: `hour` when it starts within
 * the next hour, `day` when within the next 24 hours (but not the next hour), else none. A person who
 * says 参加 late still gets the one whose window they are in; a missed window is not made up later.
 */
export const reminderDue = (startUtc: string, now: Date): 'day' | 'hour' | undefined => {
  const ms = Date.parse(startUtc) - now.getTime();
  if (ms <= 0) return undefined;
  if (ms <= HOUR_REMINDER_HOURS * 3_600_000) return 'hour';
  if (ms <= DAY_REMINDER_HOURS * 3_600_000) return 'day';
  return undefined;
};

export const parseTags = (json: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};
