/**
 * `open_consultation`: posts a consultation to the advice channel exactly as `/consult` does
 * (publishConsultation: the personal-data and name guard first, stored, posted, undone if the post fails)
 * → its number and the post's permalink.
 */
import { parseConsultStart } from '../../../domain/consultForm.js';
import { DomainError } from '../../../domain/errors.js';
import { planFromWord } from '../../../domain/plans.js';
import { parseTagList } from '../../../domain/tags.js';
import { publishConsultation } from '../../consultPosting.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import { type StepSpec, textInput } from './step.js';

export const openConsultationStep: StepSpec = {
  callbackId: IDS.functions.openConsultation,
  userInput: 'user',
  run: async (ctx) => {
    const { inputs, deps } = ctx;
    const startUtc = parseConsultStart(textInput(inputs, 'session_start'), ctx.now, deps.config.timezone);
    const planWord = textInput(inputs, 'plan');
    const plan = planWord ? planFromWord(planWord) : undefined;
    if (planWord && !plan) throw new DomainError('plan_invalid', { value: planWord });
    const question = textInput(inputs, 'question');
    if (!question) throw new DomainError('consult_text_missing');
    const tags = parseTagList(textInput(inputs, 'tags'));
    const draft = { userId: ctx.userId, startUtc, plan, topic: '', question, tags };
    const posted = await publishConsultation(deps, ctx.client, draft, ctx.now);
    return {
      outputs: { consultation_id: posted.id, ...(posted.link ? { permalink: posted.link } : {}) },
      after: () => refreshHome(deps, deps.slack, ctx.userId),
    };
  },
};
