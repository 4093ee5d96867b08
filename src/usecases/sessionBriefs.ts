/**
 * What `session-briefs` sends: for each booked session, the brief whose time has come (domain/sessions.ts
 * briefDue: the most recent lead time passed, while the session has not started), with the consultation
 * asked about it and its answers so far; and the booking DMs of the last day that a failure left unsent.
 */
import { DateTime } from 'luxon';
import { getConsultation, replyStats } from '../db/repositories/consultations.js';
import { bookedSlotsStartingBetween, recentUpcomingSessions } from '../db/repositories/sessions.js';
import type { Consultation } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { briefDue, sessionPlan } from '../domain/sessions.js';
import type { Booked, BookedSlotSession } from './sessions.js';

/** How far back the job makes up for a booking DM that was not sent at booking time. */
export const BOOKING_DM_CATCHUP_HOURS = 24;

export type DueBrief = BookedSlotSession & {
  topic: string;
  hours: number;
  consultation:
    | (Pick<Consultation, 'id' | 'channel' | 'ts'> & { replies: number; responders: string[] })
    | undefined;
};

export const dueBriefs = async (deps: UseCaseDeps, now: Date): Promise<DueBrief[]> => {
  const leads = deps.config.briefHoursBefore;
  const at = DateTime.fromJSDate(now);
  const rows = await bookedSlotsStartingBetween(
    deps.db,
    toUtcIso(at),
    toUtcIso(at.plus({ hours: Math.max(...leads) })),
  );
  const due = rows.flatMap((r) => {
    const hours = briefDue(r.start_at, leads, now);
    return hours === undefined ? [] : [{ ...r, hours }];
  });
  const consultations = new Map<number, Consultation>();
  for (const r of due) {
    const id = r.consultation_id ?? r.latest_consultation_id;
    const c = id ? await getConsultation(deps.db, Number(id)) : undefined;
    if (c) consultations.set(r.slot_id, c);
  }
  const stats = await replyStats(
    deps.db,
    [...consultations.values()].map((c) => c.id),
  );
  return due.map((r) => {
    const c = consultations.get(r.slot_id);
    const s = c ? stats.get(c.id) : undefined;
    const responders = (s?.responders ?? []).filter((u) => u !== r.supporter_id);
    return {
      slotId: r.slot_id,
      sessionId: r.session_id,
      supporterId: r.supporter_id,
      startUtc: r.start_at,
      minutes: r.minutes,
      plan: r.plan ?? c?.plan ?? sessionPlan(undefined, r.minutes),
      alias: r.client_alias ?? '',
      topic: r.topic ?? c?.topic ?? '',
      hours: r.hours,
      consultation: c
        ? { id: c.id, channel: c.channel, ts: c.ts, replies: s?.replies ?? 0, responders }
        : undefined,
    };
  });
};

/** Sessions booked within the last BOOKING_DM_CATCHUP_HOURS that have not started: their booking DMs. */
export const recentBookings = (deps: UseCaseDeps, now: Date): Promise<Booked[]> => {
  const at = DateTime.fromJSDate(now);
  return recentUpcomingSessions(
    deps.db,
    toUtcIso(at.minus({ hours: BOOKING_DM_CATCHUP_HOURS })),
    toUtcIso(at),
  );
};
