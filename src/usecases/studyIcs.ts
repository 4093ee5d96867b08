/**
 * Calendar (.ics) exports with the `ics` library: one study session, or a supporter's own calendar (their
 * booked consultation sessions plus the study sessions they host or hold a seat in). Times are UTC
 * (`DTSTART:20261210T110000Z`); UIDs are stable per event (`study-<id>@supporter-desk`,
 * `session-<slotId>@supporter-desk`) so a re-import updates instead of duplicating; a cancelled study
 * session stays in with STATUS:CANCELLED. Consultation sessions say only "キャリア相談セッション" and the
 * plan: nothing about the client. DTSTAMP is the export's `now`, so the output is deterministic.
 */
import { createEvents, type EventAttributes } from 'ics';
import { bookedSessionsWithPlan } from '../db/repositories/slots.js';
import { getStudySession, studySessionsOfUser } from '../db/repositories/study.js';
import { displayNames } from '../db/repositories/supporters.js';
import type { Slot, StudySession } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { DomainError } from '../domain/errors.js';
import type { Plan } from '../domain/plans.js';
import { planForMinutes } from '../domain/plans.js';
import { parseTags } from '../domain/study.js';
import { tagLabel } from '../domain/tags.js';
import { type Locale, type Messages, messages } from '../i18n/index.js';

export const ICS_PRODUCT_ID = '-//Supporter Desk//supporter-desk//JA';
export const studyUid = (id: number): string => `study-${id}@supporter-desk`;
export const sessionUid = (slotId: number): string => `session-${slotId}@supporter-desk`;

export type IcsExport = { ics: string; events: number };

type Ctx = { m: Messages; locale: Locale; now: Date; names: Map<string, string> };

/** `timestamp` (DTSTAMP) is accepted by the library's schema but missing from its types. */
type Event = EventAttributes & { timestamp: number };

const utc = (startIso: string, endIso: string) => ({
  start: Date.parse(startIso),
  startInputType: 'utc' as const,
  startOutputType: 'utc' as const,
  end: Date.parse(endIso),
  endInputType: 'utc' as const,
  endOutputType: 'utc' as const,
});

export const studyEvent = (c: Ctx, s: StudySession): Event => {
  const cancelled = s.status === 'cancelled';
  const tags = parseTags(s.tags).map((t) => tagLabel(t, c.locale));
  const description = [
    s.description.trim(),
    tags.length ? tags.map((t) => `#${t}`).join(' ') : '',
    c.m.study.icsHost({ host: c.names.get(s.host_id) ?? s.host_id }),
  ].filter(Boolean);
  return {
    ...utc(s.start_at, s.end_at),
    uid: studyUid(s.id),
    title: cancelled
      ? c.m.study.icsCancelledSummary({ title: s.title })
      : c.m.study.icsStudySummary({ title: s.title }),
    description: description.join('\n'),
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: cancelled ? 1 : 0,
    ...(tags.length ? { categories: tags } : {}),
    timestamp: c.now.getTime(),
  };
};

export const sessionEvent = (c: Ctx, slot: Slot, plan: Plan): Event => ({
  ...utc(slot.start_at, slot.end_at),
  uid: sessionUid(slot.id),
  title: c.m.study.icsSessionSummary({ plan: c.m.common.plan[plan] ?? plan }),
  status: 'CONFIRMED',
  timestamp: c.now.getTime(),
});

const render = (events: Event[], calName: string): IcsExport => {
  const { error, value } = createEvents(events, { productId: ICS_PRODUCT_ID, calName });
  if (error || !value) throw error ?? new Error('the ics library returned nothing');
  return { ics: value, events: events.length };
};

const contextFor = async (deps: UseCaseDeps, now: Date): Promise<Ctx> => {
  const locale = deps.config.defaultLocale;
  return { m: messages(locale), locale, now, names: await displayNames(deps.db) };
};

export const exportStudyIcs = async (deps: UseCaseDeps, id: number, now: Date): Promise<IcsExport> => {
  const session = await getStudySession(deps.db, id);
  if (!session) throw new DomainError('study_not_found', { id });
  const c = await contextFor(deps, now);
  return render([studyEvent(c, session)], `Supporter Desk — ${session.title}`);
};

export const exportUserIcs = async (deps: UseCaseDeps, userId: string, now: Date): Promise<IcsExport> => {
  const [c, slots, studies] = await Promise.all([
    contextFor(deps, now),
    bookedSessionsWithPlan(deps.db, userId),
    studySessionsOfUser(deps.db, userId),
  ]);
  const seen = new Set<number>();
  const sessions = slots
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .map(({ plan, ...slot }) => sessionEvent(c, slot, plan ?? planForMinutes(slot.minutes)));
  const events = [...sessions, ...studies.map((s) => studyEvent(c, s))].sort(
    (a, b) => Number(a.start) - Number(b.start) || String(a.uid).localeCompare(String(b.uid)),
  );
  return render(events, `Supporter Desk — ${c.names.get(userId) ?? userId}`);
};
