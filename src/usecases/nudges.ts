/**
 * Advice nudges, the use case: for each unanswered consultation, the steps of the ladder due now
 * (domain/nudges.ts dueStages) with the people chosen for each. The people of stages 1 and 2 are recorded
 * before anything is sent, so a crashed run resumes with the same people; stage 1 counts as done once
 * nothing of it is left to retry (`consultations.nudged_at`), stages 2 and 3 once the delivery ledger
 * holds their messages settled.
 */
import { tagsOf } from '../db/repositories/consultations.js';
import {
  consultationsDueForNudge,
  expertCandidates,
  laterStageFired,
  markNudged,
  mentionCandidates,
  nudgeDeliveryWaiting,
  nudgedUsers,
  recordNudges,
} from '../db/repositories/nudges.js';
import type { Consultation } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { monthOf, toUtcIso } from '../domain/calendar.js';
import {
  BUMP,
  chooseExperts,
  chooseMentions,
  dueStages,
  type NudgeWindow,
  nudgeWindow,
  type Stage,
} from '../domain/nudges.js';

export type DueNudge = {
  consultation: Consultation;
  stage: Stage;
  /**
   * Stage 1: supporter ids to DM, or [BUMP] when nobody matches. Stage 2: the supporters the thread's bump
   * mentions (possibly none). Stage 3: empty (the operators are the job's to address).
   */
  recipients: string[];
  tags: string[];
};

const firedStages = async (deps: UseCaseDeps, c: Consultation): Promise<Set<Stage>> => {
  const fired = new Set<Stage>();
  if (c.nudged_at) fired.add(1);
  for (const stage of [2, 3] as const) if (await laterStageFired(deps.db, c.id, stage)) fired.add(stage);
  return fired;
};

/** The steps due now, with their recipients (recorded unless `record` is false: dry runs). */
export const dueNudges = async (deps: UseCaseDeps, now: Date, record: boolean): Promise<DueNudge[]> => {
  const window = nudgeWindow(now);
  const due = await consultationsDueForNudge(deps.db, toUtcIso(now), window);
  const nudges: DueNudge[] = [];
  for (const consultation of due) {
    const stages = dueStages(
      { postedIso: consultation.created_at, sessionIso: consultation.session_start },
      deps.config.adviceNudgeHours,
      now,
      await firedStages(deps, consultation),
    );
    if (!stages.length) continue;
    const tags = await tagsOf(deps.db, consultation.id);
    for (const stage of stages) {
      const recipients =
        stage === 1
          ? await expertsFor(deps, consultation, tags, window, now, record)
          : stage === 2
            ? await mentionsFor(deps, consultation, tags, now, record)
            : [];
      nudges.push({ consultation, stage, recipients, tags });
    }
  }
  return nudges;
};

/** Stage 1's people: those recorded by an earlier (crashed) run, else a new choice. */
const expertsFor = async (
  deps: UseCaseDeps,
  c: Consultation,
  tags: string[],
  window: NudgeWindow,
  now: Date,
  record: boolean,
): Promise<string[]> => {
  const earlier = await nudgedUsers(deps.db, c.id, 1);
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
  if (record) await recordNudges(deps.db, c.id, recipients, toUtcIso(now), 1);
  return recipients;
};

/** Stage 2's mentions: those recorded by an earlier (crashed) run, else a new choice. */
const mentionsFor = async (
  deps: UseCaseDeps,
  c: Consultation,
  tags: string[],
  now: Date,
  record: boolean,
): Promise<string[]> => {
  const earlier = await nudgedUsers(deps.db, c.id, 2);
  if (earlier.length) return earlier;
  const [nudged, candidates] = await Promise.all([
    nudgedUsers(deps.db, c.id),
    mentionCandidates(deps.db, c.supporter_id, monthOf(c.session_start, deps.config.timezone)),
  ]);
  const chosen = chooseMentions({ tags, nudged: new Set(nudged), ...candidates });
  if (record) await recordNudges(deps.db, c.id, chosen, toUtcIso(now), 2);
  return chosen;
};

/**
 * Marks stage 1 done for each consultation none of whose stage-1 messages waits for a retry (permanent
 * failures are final). Stages 2 and 3 need no mark: the ledger is their record.
 */
export const settleNudges = async (deps: UseCaseDeps, consultations: readonly Consultation[], now: Date) => {
  for (const c of consultations) {
    if (!(await nudgeDeliveryWaiting(deps.db, c.id))) await markNudged(deps.db, c.id, toUtcIso(now));
  }
};
