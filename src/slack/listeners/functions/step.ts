/**
 * One Workflow Builder step (custom functions for Bolt, https://api.slack.com/automation/functions/custom-bolt):
 * Bolt acks `function_executed` itself before the listener runs, so the step does its work after the ack,
 * then ends it with `complete({ outputs })`, or with `fail({ error })` carrying the message the command
 * would show, in the step user's language (resolved as for a command). A step that fails stores nothing:
 * the use cases it calls store all or nothing, as for the command.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { type Locale, type Messages, messages } from '../../../i18n/index.js';
import { claimStepExecution } from '../../../usecases/slackEvents.js';
import type { Audience } from '../../format/slots.js';
import { errorMessage } from '../../reply.js';

export type StepInputs = Record<string, unknown>;

export type StepContext = {
  deps: ListenerDeps;
  /** Bolt's client for the step: it carries the workflow token (xwfp-…) while the step runs. */
  client: WebClient;
  inputs: StepInputs;
  userId: string;
  locale: Locale;
  m: Messages;
  audience: Audience;
  now: Date;
};

/** The step's outputs, and work to do once it has completed (it must not hold the workflow up). */
export type StepResult = { outputs: Record<string, unknown>; after?: () => Promise<void> };

export type StepSpec = {
  callbackId: string;
  /** The input naming the person the step acts for (whose language its error is in). */
  userInput: string;
  run: (ctx: StepContext) => Promise<StepResult>;
};

/** A text input as typed, trimmed (empty when the workflow left an optional one unset). */
export const textInput = (inputs: StepInputs, name: string): string => {
  const v = inputs[name];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
};

/** An integer input (Workflow Builder sends a number; a numeric string is read too). */
export const integerInput = (inputs: StepInputs, name: string): number | undefined => {
  const text = textInput(inputs, name).normalize('NFKC');
  return text === '' ? undefined : Number(text);
};

export const stepListener =
  (deps: ListenerDeps, spec: StepSpec) =>
  async ({
    event,
    inputs,
    complete,
    fail,
    client,
  }: SlackEventMiddlewareArgs<'function_executed'> & AllMiddlewareArgs) => {
    const now = deps.clock();
    if (!(await claimStepExecution(deps, event.function_execution_id, now))) {
      deps.logger.info({ step: spec.callbackId }, 'workflow step delivered again: already run, skipped');
      return;
    }
    const userId = textInput(inputs, spec.userInput);
    const locale = await deps.locales.forUser(client, userId, now);
    const m = messages(locale);
    const audience = { m, locale, zone: deps.config.timezone, now };
    let result: StepResult;
    try {
      if (!/^[UW][A-Z0-9]+$/.test(userId)) throw new DomainError('user_mention_missing');
      result = await spec.run({ deps, client, inputs, userId, locale, m, audience, now });
    } catch (err) {
      await fail({ error: errorMessage(locale, err, deps.logger) });
      return;
    }
    await complete({ outputs: result.outputs });
    // After completion the workflow token is spent: follow-up work uses the app's own (job) client.
    await result
      .after?.()
      .catch((err: unknown) =>
        deps.logger.warn({ err, step: spec.callbackId }, 'work after a workflow step failed'),
      );
  };
