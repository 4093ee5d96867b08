/** `mark_writeup_sent`: `/writeup done <session id>` as a step (same use case: only its author, once due). */
import { markWriteupSent } from '../../../usecases/writeupBuilder.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import { parseSessionId } from '../writeupFlow.js';
import { type StepSpec, textInput } from './step.js';

export const markWriteupSentStep: StepSpec = {
  callbackId: IDS.functions.markWriteupSent,
  userInput: 'user',
  run: async (ctx) => {
    const sessionId = parseSessionId(textInput(ctx.inputs, 'session_id'));
    await markWriteupSent(ctx.deps, { userId: ctx.userId, sessionId, now: ctx.now });
    return { outputs: {}, after: () => refreshHome(ctx.deps, ctx.deps.slack, ctx.userId) };
  },
};
