/**
 * Buttons. Every action re-checks who may do it against the database (button values and metadata are
 * never trusted for authorisation) and answers errors in the clicking user's language.
 */

import type { ListenerDeps } from '../../../deps.js';
import { monthOf } from '../../../domain/calendar.js';
import { parseConsultationId, resolveOwnConsultation } from '../../../usecases/consultations.js';
import { clearAway, setAway } from '../../../usecases/roster.js';
import { markSessionWriteupDone } from '../../../usecases/writeups.js';
import { buildSlotsModal } from '../../blocks/slotsModal.js';
import { refreshConsultationPost } from '../../consultPosting.js';
import { publishHome } from '../../home.js';
import { IDS } from '../../ids.js';
import { openModalFirst } from '../openModal.js';
import type { ListenerTable } from '../table.js';
import { audienceFor, rewriteMessage } from '../writeupFlow.js';
import { registerCoverActions } from './cover.js';
import { type ButtonWork, guardedAction } from './guarded.js';
import { registerSessionActions } from './sessions.js';
import { registerSlotsPreview } from './slotsPreview.js';
import { registerStudyActions } from './study.js';
import { registerWriteupActions } from './writeups.js';

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  registerStudyActions(table, deps);
  registerSessionActions(table, deps);
  registerSlotsPreview(table, deps);
  registerWriteupActions(table, deps);
  registerCoverActions(table, deps);
  const guarded = (work: ButtonWork) => guardedAction(deps, work);

  table.action(
    IDS.actions.openSlotsModal,
    guarded(async (body, client, now) => {
      const current = monthOf(now, deps.config.timezone);
      const requested = body.actions[0]?.value ?? current;
      const opts = { triggerId: body.trigger_id, userId: body.user.id, now };
      await openModalFirst(deps, client, opts, (m) => buildSlotsModal(m, current, requested, {}));
    }),
  );

  table.action(
    IDS.actions.setAway,
    guarded(async (body, client, now) => {
      await setAway(deps, body.user.id, body.actions[0]?.value ?? '', now);
      await publishHome(deps, client, body.user.id);
    }),
  );

  table.action(
    IDS.actions.unsetAway,
    guarded(async (body, client, now) => {
      await clearAway(deps, body.user.id, body.actions[0]?.value ?? '', now);
      await publishHome(deps, client, body.user.id);
    }),
  );

  table.action(
    IDS.actions.resolveConsultation,
    guarded(async (body, client, now) => {
      const id = parseConsultationId(body.actions[0]?.value ?? '');
      const { changed } = await resolveOwnConsultation(deps, body.user.id, id, now);
      if (changed) await refreshConsultationPost(deps, client, id);
    }),
  );

  table.action(
    IDS.actions.writeupDone,
    guarded(async (body, client, now) => {
      const slotId = Number(body.actions[0]?.value);
      await markSessionWriteupDone(deps, { userId: body.user.id, slotId, now });
      // Every click answers: the reminder keeps its text, its buttons give way to "送付済み ✓".
      const a = await audienceFor(deps, client, body.user.id, now);
      const kept = withoutButtons(body.message?.blocks ?? []);
      const done = a.m.writeups.reminderSent({});
      await rewriteMessage(
        deps,
        client,
        { channel: body.container?.channel_id ?? body.channel?.id, ts: body.container?.message_ts },
        {
          text: `${body.message?.text ?? ''}\n${done}`,
          blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: done }] }],
        },
      );
      await publishHome(deps, client, body.user.id);
    }),
  );
};

/** A message's blocks with its buttons gone: actions blocks dropped, button accessories taken off. */
const withoutButtons = (blocks: ReadonlyArray<Record<string, unknown>>) =>
  blocks
    .filter((b) => b.type !== 'actions')
    .map((b) => {
      const { accessory, ...rest } = b as { accessory?: { type?: string } };
      return accessory?.type === 'button' ? rest : b;
    });
