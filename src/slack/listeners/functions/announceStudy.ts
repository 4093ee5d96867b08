/**
 * `announce_study`: announces a study session as `/study add` does (publishStudy: validated, stored,
 * posted with RSVP buttons, undone if the post fails) → its number and the post's permalink. The start is
 * read with `/study add`'s date grammar (a length written there counts); the title may carry #tags and
 * 定員N as in the command and the modal.
 */
import { assertCapacity, parseStudyTitle, parseStudyWhen } from '../../../domain/study.js';
import { parseTagList } from '../../../domain/tags.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import { publishStudy, studyChannel } from '../../studyPosting.js';
import { integerInput, type StepSpec, textInput } from './step.js';

export const announceStudyStep: StepSpec = {
  callbackId: IDS.functions.announceStudy,
  userInput: 'host',
  run: async (ctx) => {
    const { inputs, deps } = ctx;
    studyChannel(deps);
    const when = parseStudyWhen(textInput(inputs, 'start'), { now: ctx.now, zone: deps.config.timezone });
    const named = parseStudyTitle(textInput(inputs, 'title'));
    const capacityInput = integerInput(inputs, 'capacity');
    const capacity = capacityInput === undefined ? named.capacity : assertCapacity(capacityInput);
    // As in `/study add`: a length in the start text counts, else the default (60).
    const minutes = integerInput(inputs, 'minutes') ?? when.minutes;
    const draft = {
      createdBy: ctx.userId,
      hostId: ctx.userId,
      title: named.title,
      description: '',
      tags: [...new Set([...named.tags, ...parseTagList(textInput(inputs, 'tags'))])],
      startUtc: when.startUtc,
      minutes,
      capacity,
    };
    const { session, link } = await publishStudy(deps, ctx.client, draft, ctx.now);
    return {
      outputs: { study_id: session.id, ...(link ? { permalink: link } : {}) },
      after: () => refreshHome(deps, deps.slack, ctx.userId),
    };
  },
};
