/**
 * `register_slots`: the entries of `/slots add` (same use case, same grammar, same errors) → how many were
 * added, the quota line of each month they fell in, in the user's words (as the command's reply ends), and
 * the command's busy-time warnings (a later step can show them).
 */
import { DomainError } from '../../../domain/errors.js';
import { addSlots } from '../../../usecases/addSlots.js';
import { busyNotes } from '../../format/busy.js';
import { standingLine } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import { type StepSpec, textInput } from './step.js';

export const registerSlotsStep: StepSpec = {
  callbackId: IDS.functions.registerSlots,
  userInput: 'user',
  run: async (ctx) => {
    const text = textInput(ctx.inputs, 'entries');
    if (!text) throw new DomainError('slot_empty');
    const result = await addSlots(ctx.deps, { userId: ctx.userId, text, now: ctx.now });
    // As /slots add warns: clashes with the main-job calendar, by time only (empty when none or no calendar).
    const notes = busyNotes(ctx.audience, await result.busyCheck());
    return {
      outputs: {
        added_count: result.added.length,
        quota_status: result.standings.map((s) => standingLine(ctx.audience, s)).join('\n'),
        busy_notes: notes.join('\n'),
      },
      after: () => refreshHome(ctx.deps, ctx.deps.slack, ctx.userId),
    };
  },
};
