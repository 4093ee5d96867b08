/**
 * Cover (代打) buttons; registered from actions/index.ts.
 * - 代打を頼む / Ask for cover (the booking DM, the Home tab; value: session id): posts the request to the
 *   supporters' channel. Only the session's supporter may (the value is not trusted).
 * - 引き受ける / Take it (the post; value: request id): the first other supporter takes the session over;
 *   later clicks are told who already took it, the asker that it is their own (ephemeral, guardedAction).
 */
import type { ListenerDeps } from '../../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { messages } from '../../../i18n/index.js';
import { requestCover, takeCover } from '../../../usecases/cover.js';
import { coverWhen } from '../../blocks/cover.js';
import { postCoverRequest, refreshCoverPost, sendCoverDms } from '../../coverPosting.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import { guardedAction, notifyUser } from './guarded.js';

const idOf = (raw: string | undefined, code: 'session_not_found' | 'cover_withdrawn'): number => {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new DomainError(code, { id: raw || '?' });
  return Number(raw);
};

export const registerCoverActions = (table: ListenerTable, deps: ListenerDeps): void => {
  table.action(
    IDS.actions.sessionCover,
    guardedAction(deps, async (body, client, now) => {
      const userId = body.user.id;
      const sessionId = idOf(body.actions[0]?.value, 'session_not_found');
      const view = await requestCover(deps, { userId, sessionId, now });
      const { channel } = await postCoverRequest(deps, client, view, now);
      const locale = await deps.locales.forUser(client, userId, now);
      const when = coverWhen({ ...view, zone: deps.config.timezone, locale, now });
      await notifyUser(
        client,
        body,
        messages(locale).sessions.coverRequested({ id: view.slot.id, when, channel }),
      ).catch((err: unknown) => deps.logger.warn({ err }, 'could not confirm a cover request'));
      await refreshHome(deps, client, userId);
    }),
  );

  table.action(
    IDS.actions.coverTake,
    guardedAction(deps, async (body, client, now) => {
      const requestId = idOf(body.actions[0]?.value, 'cover_withdrawn');
      const taken = await takeCover(deps, { userId: body.user.id, requestId, now });
      await refreshCoverPost(deps, client, taken, now);
      await sendCoverDms(deps, taken, now);
      await refreshHome(deps, client, taken.from);
      await refreshHome(deps, client, body.user.id);
    }),
  );
};
