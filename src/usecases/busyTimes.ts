/**
 * Busy times (#22 item 4): `/supporter busy <URL>` / `busy off` / `busy`, the clash check after slots
 * are added (the one place every entry point goes through: addSlots' `busyCheck`), and the busy times
 * the quota reminder compares its suggestions with. Warnings only: nothing here refuses a slot.
 *
 * The URL is stored even when the check at set time fails (decided in #22): a calendar server that is
 * briefly down, or an Outlook link published a minute ago, would otherwise have to be pasted again later;
 * the reply says what went wrong, and every later check that can't run says so too. An address that
 * breaks the https/localhost rule is refused and nothing is stored.
 */
import { busyUrlOf, busyUrlsOf, deleteBusyUrl, saveBusyUrl } from '../db/repositories/busyCalendars.js';
import type { Slot } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import {
  type BusyInterval,
  type BusyLookup,
  type BusyProblem,
  busyUrlHint,
  type Clash,
  checkBusyUrl,
  clashes,
  type Interval,
  spanOf,
} from '../domain/busy.js';
import { monthBounds, toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { targetMonth } from '../domain/targetMonth.js';

/** Fetches the reminder job runs at once, at most (each bounded by the 5 s timeout). */
const JOB_FETCH_CONCURRENCY = 4;

export type BusyFailure = { problem: BusyProblem; status?: number };

export type BusyState = { set: false } | { set: true; hint: string };

export const busyState = async (deps: UseCaseDeps, userId: string): Promise<BusyState> => {
  const url = await busyUrlOf(deps.db, userId);
  return url ? { set: true, hint: busyUrlHint(url) } : { set: false };
};

export type BusySet = {
  hint: string;
  /** The month the check read (the reminder's target month), YYYY-MM. */
  month: string;
  /** What the check found: busy events in that month, or why it could not read them. */
  check: { ok: true; events: number } | ({ ok: false } & BusyFailure) | { ok: false; problem: 'off' };
};

const monthWindow = (month: string, zone: string): Interval => {
  const b = monthBounds(month, zone);
  return { startMs: Date.parse(b.startUtc), endMs: Date.parse(b.endUtc) };
};

/** Stores the address (refused, nothing stored, unless https or http on this machine), then reads it once. */
export const setBusyCalendar = async (
  deps: UseCaseDeps,
  userId: string,
  text: string,
  now: Date,
): Promise<BusySet> => {
  const checked = checkBusyUrl(text);
  if (!checked.ok) throw new DomainError('busy_url_invalid', { reason: checked.reason });
  await saveBusyUrl(deps.db, userId, checked.url, toUtcIso(now));
  const month = targetMonth(now, deps.config.timezone);
  const hint = busyUrlHint(checked.url);
  if (!deps.busy) return { hint, month, check: { ok: false, problem: 'off' } };
  deps.busy.forget(checked.url); // a fresh read: the supporter may have just fixed the link
  const lookup = await deps.busy.busyBetween(
    checked.url,
    monthWindow(month, deps.config.timezone),
    deps.config.timezone,
    now,
  );
  return { hint, month, check: lookup.ok ? { ok: true, events: lookup.busy.length } : failureOf(lookup) };
};

const failureOf = (lookup: Extract<BusyLookup, { ok: false }>): { ok: false } & BusyFailure => ({
  ok: false,
  problem: lookup.problem,
  ...(lookup.status !== undefined ? { status: lookup.status } : {}),
});

/** Forgets the address and what was cached from it; whether there was one. */
export const forgetBusyCalendar = async (deps: UseCaseDeps, userId: string): Promise<boolean> => {
  const url = await deleteBusyUrl(deps.db, userId);
  if (url) deps.busy?.forget(url);
  return url !== undefined;
};

type TimedSlot = Pick<Slot, 'start_at' | 'end_at'>;

export type SlotBusyCheck<S extends TimedSlot> =
  | { kind: 'off' }
  | ({ kind: 'failed' } & BusyFailure)
  | { kind: 'checked'; clashes: Array<{ slot: S; busy: BusyInterval[] }> };

/** `slots` (the supporter's, just added) against their busy calendar: which clash with what. */
export const checkSlotsAgainstBusy = async <S extends TimedSlot>(
  deps: UseCaseDeps,
  userId: string,
  slots: readonly S[],
  now: Date,
): Promise<SlotBusyCheck<S>> => {
  const timed = slots.map((slot) => ({
    slot,
    startMs: Date.parse(slot.start_at),
    endMs: Date.parse(slot.end_at),
  }));
  const window = spanOf(timed);
  if (!deps.busy || !window) return { kind: 'off' };
  const url = await busyUrlOf(deps.db, userId);
  if (!url) return { kind: 'off' };
  const lookup = await deps.busy.busyBetween(url, window, deps.config.timezone, now);
  if (!lookup.ok) return { kind: 'failed', ...failureOf(lookup) };
  const found: Clash<(typeof timed)[number]>[] = clashes(timed, lookup.busy);
  return { kind: 'checked', clashes: found.map((c) => ({ slot: c.slot.slot, busy: c.busy })) };
};

/**
 * The busy times in `month` of those of `supporterIds` who set a calendar, for the reminder's
 * suggestions. A supporter whose calendar can't be read is left out (their reminder just has no note).
 */
export const busyInMonth = async (
  deps: UseCaseDeps,
  supporterIds: readonly string[],
  month: string,
  now: Date,
): Promise<Map<string, BusyInterval[]>> => {
  const out = new Map<string, BusyInterval[]>();
  const { busy } = deps;
  if (!busy) return out;
  const urls = [...(await busyUrlsOf(deps.db, supporterIds))];
  const window = monthWindow(month, deps.config.timezone);
  const work = async () => {
    for (let next = urls.shift(); next; next = urls.shift()) {
      const [id, url] = next;
      const lookup = await busy.busyBetween(url, window, deps.config.timezone, now);
      if (lookup.ok) out.set(id, lookup.busy);
    }
  };
  await Promise.all(Array.from({ length: JOB_FETCH_CONCURRENCY }, work));
  return out;
};
