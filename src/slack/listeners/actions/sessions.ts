/**
 * The booking DM's and the brief's 仲間に相談する / Ask peers button: opens the /consult modal filled in
 * from the session (date, time, plan, topic). The consultation posted from it is linked to the session
 * (consultPosting.ts). Only the session's supporter may use it (the value is not trusted).
 */
import type { ListenerDeps } from '../../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { messages } from '../../../i18n/index.js';
import { ownSession } from '../../../usecases/sessions.js';
import { buildConsultModal } from '../../blocks/consultModal.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import { guardedAction } from './guarded.js';

export const registerSessionActions = (table: ListenerTable, deps: ListenerDeps): void => {
  table.action(
    IDS.actions.sessionAskPeers,
    guardedAction(deps, async (body, client, now) => {
      const raw = body.actions[0]?.value ?? '';
      if (!/^\d{1,9}$/.test(raw)) throw new DomainError('session_not_found', { id: raw || '?' });
      const { session, slot } = await ownSession(deps, body.user.id, Number(raw));
      const locale = await deps.locales.forUser(client, body.user.id, now);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildConsultModal(messages(locale), locale, deps.config.timezone, now, undefined, {
          startUtc: slot.start_at,
          plan: session.plan,
          topic: session.topic,
        }),
      });
    }),
  );
};
