/**
 * Sessions, the pure parts: reading `/slots book <id> [alias] [plan] [topic…]`, the rules every booking
 * (command, webhook, CSV) shares for the client's alias and topic, and when the pre-session briefs are due.
 * No I/O, no clock: `now` is an argument.
 */
import { DateTime } from 'luxon';
import { toUtcIso } from './calendar.js';
import { assertPostable, MAX_TOPIC } from './consultForm.js';
import { DomainError } from './errors.js';
import type { MorphAnalyzer } from './personNames.js';
import { type Plan, planForMinutes, planFromWord } from './plans.js';
import { zoneOf } from './zone.js';

export const MAX_CLIENT_ALIAS = 20;

export type BookingText = { alias: string; plan: Plan | undefined; topic: string };

const SLOT_ID_RE = /^#?(\d{1,9})$/;

/** Splits the first whitespace-separated word off `text`. */
const firstWord = (text: string): { word: string; rest: string } => {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(text.trim());
  return m ? { word: m[1]!, rest: (m[2] ?? '').trim() } : { word: '', rest: '' };
};

/**
 * `12`, `12 Aさん`, `12 Aさん 初回 転職の軸…`, `12 first 転職…` (no alias): the slot id, then an optional
 * alias (any word that is not a plan), an optional plan word, and the rest as the topic.
 */
export const parseBookArgs = (args: string): { slotId: number } & BookingText => {
  const id = firstWord(args);
  if (!id.word) throw new DomainError('slot_id_missing');
  const m = SLOT_ID_RE.exec(id.word.normalize('NFKC'));
  if (!m) throw new DomainError('slot_not_found', { id: id.word.replace(/^#/, '') });
  let rest = id.rest;
  let alias = '';
  let next = firstWord(rest);
  if (next.word && !planFromWord(next.word)) {
    // `book 12 13`: one session at a time (a number is a slot id, never an alias).
    if (SLOT_ID_RE.test(next.word.normalize('NFKC'))) throw new DomainError('slot_id_missing');
    alias = next.word;
    rest = next.rest;
    next = firstWord(rest);
  }
  let plan: Plan | undefined;
  const named = next.word ? planFromWord(next.word) : undefined;
  if (named) {
    plan = named;
    rest = next.rest;
  }
  return { slotId: Number(m[1]), alias, plan, topic: rest };
};

/** `light|first|followup|ライト|初回|継続` or nothing; anything else is an error naming it. */
export const parsePlan = (value: string | undefined | null): Plan | undefined => {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  const plan = planFromWord(text);
  if (!plan) throw new DomainError('plan_invalid', { value: text }, 'plan');
  return plan;
};

/** The personal-data guard and the length limits, for the alias and the topic alike. */
export const assertBookingText = (text: { alias: string; topic: string }, analyzer: MorphAnalyzer): void => {
  assertPostable(
    [
      { text: text.alias, field: 'client_alias', max: MAX_CLIENT_ALIAS, label: 'client_alias' },
      { text: text.topic, field: 'topic', max: MAX_TOPIC, label: 'topic' },
    ],
    analyzer,
  );
};

/** The plan a booking gets: the one named, else the slot's length decides (45 → light, 90 → first). */
export const sessionPlan = (named: Plan | undefined, minutes: number): Plan =>
  named ?? planForMinutes(minutes);

/**
 * Which brief is due for a session starting at `startUtc`: the smallest lead time (hours before) whose
 * moment has come, while the session has not started. Only that one, so a brief whose time passed while
 * the app was down is still sent, and a session booked late (or a long outage) gets one brief, the most
 * recent, not every brief it missed at once. Undefined when none is due.
 */
export const briefDue = (startUtc: string, leadHours: readonly number[], now: Date): number | undefined => {
  const start = Date.parse(startUtc);
  const t = now.getTime();
  if (t >= start) return undefined;
  const due = leadHours.filter((h) => start - h * 3_600_000 <= t);
  return due.length ? Math.min(...due) : undefined;
};

/**
 * A booking's start as booking systems and spreadsheets write it: ISO-8601 (`2026-12-03T19:00:00+09:00`,
 * `…Z`), or with a space or slashes (`2026-12-03 19:00`, `2026/12/03 19:00`). Without an offset it is in
 * `zone`. Returns the canonical UTC ISO string; anything else is an error quoting the text.
 */
export const parseBookingStart = (text: string, zone: string): string => {
  const trimmed = text.trim();
  const spaced = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(.*)$/.exec(trimmed);
  const candidate = spaced
    ? `${spaced[1]}-${spaced[2]!.padStart(2, '0')}-${spaced[3]!.padStart(2, '0')}T${spaced[4]!.padStart(2, '0')}:${spaced[5]}${spaced[6]}`
    : trimmed;
  const at = DateTime.fromISO(candidate, { zone: zoneOf(zone) });
  if (!trimmed || !at.isValid) throw new DomainError('booking_start_invalid', { value: trimmed });
  return toUtcIso(at);
};
