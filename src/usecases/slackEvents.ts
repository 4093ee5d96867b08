/**
 * Slack event ids, claimed once so that Slack's retries and a second instance change nothing
 * (https://api.slack.com/apis/events-api#retries): thread replies claim their `event_id`
 * (recordThreadReply.ts), Workflow Builder steps their `function_execution_id` — one per run of the step,
 * so `open_consultation` or `announce_study` never post twice. Slack gives up retrying within about an
 * hour, so the retention job forgets claims older than EVENT_CLAIM_DAYS and the table stays small.
 */
import { claimEvent, forgetEventsBefore } from '../db/repositories/consultations.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';

export const EVENT_CLAIM_DAYS = 7;

export const claimStepExecution = (deps: UseCaseDeps, executionId: string, now: Date): Promise<boolean> =>
  claimEvent(deps.db, `function:${executionId}`, toUtcIso(now));

/** Forgets claims older than EVENT_CLAIM_DAYS; how many. */
export const forgetOldEventClaims = (deps: UseCaseDeps, now: Date): Promise<number> =>
  forgetEventsBefore(deps.db, toUtcIso(new Date(now.getTime() - EVENT_CLAIM_DAYS * 86_400_000)));
