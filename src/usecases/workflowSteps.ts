/**
 * A Workflow Builder step runs once per execution. Slack retries an event whose ack it did not see
 * (https://api.slack.com/apis/events-api#retries) and, with several instances, any of them may get the
 * retry: without a claim, `open_consultation` or `announce_study` would post twice. The execution id
 * (`function_execution_id`, one per run of the step) is claimed in the table that dedupes thread-reply
 * events; the first delivery runs the step, later ones do nothing (the first one completes it).
 */
import { claimEvent } from '../db/repositories/consultations.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';

export const claimStepExecution = (deps: UseCaseDeps, executionId: string, now: Date): Promise<boolean> =>
  claimEvent(deps.db, `function:${executionId}`, toUtcIso(now));
