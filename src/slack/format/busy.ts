/**
 * Busy-time lines (mrkdwn) after slots are added, in the reader's language: each clash named by its
 * times only — "⚠ 12/3(木) 19:00–20:30 は本業の予定 18:30–20:00 と重なっています（枠は登録しました）" —
 * or one short line saying the check could not run. Never an event's title or place.
 */
import { DateTime } from 'luxon';
import type { BusyInterval } from '../../domain/busy.js';
import { formatLocalDay } from '../../domain/calendar.js';
import type { AddedSlot } from '../../usecases/addSlots.js';
import type { BusyFailure, SlotBusyCheck } from '../../usecases/busyTimes.js';
import { type Audience, slotWhen } from './slots.js';

const DAY_MS = 86_400_000;

const hhmm = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
const dayOf = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISODate();

/**
 * A busy interval as the reader of `slotStartMs` wants it: "18:30–20:00" on the slot's own day,
 * "12/2(水) 22:00–12/3(木) 08:00" across days, "12/3(木) 終日" (or "12/3(木)–12/5(土) 終日") when all-day.
 */
export const busyLabel = (a: Audience, busy: BusyInterval, slotStartMs: number): string => {
  const day = (ms: number) => formatLocalDay(new Date(ms), a.zone, a.locale);
  if (busy.allDay) {
    const last = busy.endMs - DAY_MS;
    const days =
      dayOf(last, a.zone) === dayOf(busy.startMs, a.zone)
        ? day(busy.startMs)
        : `${day(busy.startMs)}–${day(last)}`;
    return `${days} ${a.m.busy.allDay({})}`;
  }
  const sameDay =
    dayOf(busy.startMs, a.zone) === dayOf(slotStartMs, a.zone) &&
    dayOf(busy.endMs - 1, a.zone) === dayOf(slotStartMs, a.zone);
  if (sameDay) return `${hhmm(busy.startMs, a.zone)}–${hhmm(busy.endMs, a.zone)}`;
  return `${day(busy.startMs)} ${hhmm(busy.startMs, a.zone)}–${day(busy.endMs)} ${hhmm(busy.endMs, a.zone)}`;
};

/** Why a busy calendar could not be read, in words. */
export const busyProblemText = (a: Pick<Audience, 'm'>, f: BusyFailure): string =>
  a.m.busy.problem({ problem: f.problem, ...(f.status !== undefined ? { status: f.status } : {}) });

/** The lines to add to a "slots added" reply (none when there is no calendar or no clash). */
export const busyNotes = (a: Audience, check: SlotBusyCheck<AddedSlot>): string[] => {
  if (check.kind === 'off') return [];
  if (check.kind === 'failed') return [a.m.busy.checkFailed({ why: busyProblemText(a, check) })];
  return check.clashes.map((c) =>
    a.m.busy.clash({
      slot: slotWhen(a, c.slot),
      busy: c.busy
        .map((b) => busyLabel(a, b, Date.parse(c.slot.start_at)))
        .join(a.locale === 'ja' ? '、' : ', '),
    }),
  );
};
