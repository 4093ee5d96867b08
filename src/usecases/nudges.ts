/**
 * Advice nudges, the use case: the consultations due a nudge with the people chosen for each (who and
 * when: domain/nudges.ts). The chosen people are recorded before anything is sent, so a crashed run
 * resumes with the same people; a consultation counts as nudged once nothing is left to retry.
 */
import { tagsOf } from '../db/repositories/consultations.js';
import {
  consultationsDueForNudge,
  expertCandidates,
  markNudged,
  nudgeDeliveryWaiting,
  nudgedUsers,
  recordNudges,
} from '../db/repositories/nudges.js';
import type { Consultation } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { monthOf, toUtcIso } from '../domain/calendar.js';
import { BUMP, chooseExperts, type NudgeWindow, nudgeWindow } from '../domain/nudges.js';

export type DueNudge = {
  consultation: Consultation;
  /** Supporter ids, or [BUMP] when nobody matches. */
  recipients: string[];
  tags: string[];
};

/** The consultations due a nudge now, with their recipients (recorded unless `record` is false: dry runs). */
export const dueNudges = async (deps: UseCaseDeps, now: Date, record: boolean): Promise<DueNudge[]> => {
  const window = nudgeWindow(now, deps.config.adviceNudgeHours);
  const due = await consultationsDueForNudge(deps.db, toUtcIso(now), window);
  const nudges: DueNudge[] = [];
  for (const consultation of due) {
    const tags = await tagsOf(deps.db, consultation.id);
    const recipients = await recipientsFor(deps, consultation, tags, window, now, record);
    nudges.push({ consultation, recipients, tags });
  }
  return nudges;
};

/** The people chosen for a consultation: those recorded by an earlier (crashed) run, else a new choice. */
const recipientsFor = async (
  deps: UseCaseDeps,
  c: Consultation,
  tags: string[],
  window: NudgeWindow,
  now: Date,
  record: boolean,
): Promise<string[]> => {
  const earlier = await nudgedUsers(deps.db, c.id);
  if (earlier.length) return earlier;
  const candidates = tags.length
    ? await expertCandidates(
        deps.db,
        c.supporter_id,
        monthOf(c.session_start, deps.config.timezone),
        window.loadSince,
      )
    : undefined;
  const chosen = candidates ? chooseExperts({ tags, ...candidates }) : [];
  const recipients = chosen.length ? chosen : [BUMP];
  if (record) await recordNudges(deps.db, c.id, recipients, toUtcIso(now));
  return recipients;
};

/** Marks as nudged each consultation none of whose messages waits for a retry (permanent failures are final). */
export const settleNudges = async (deps: UseCaseDeps, consultations: readonly Consultation[], now: Date) => {
  for (const c of consultations) {
    if (!(await nudgeDeliveryWaiting(deps.db, c.id))) await markNudged(deps.db, c.id, toUtcIso(now));
  }
};
