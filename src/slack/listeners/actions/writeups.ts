/**
 * After-session buttons: the outcome DM's 実施した / 相談者が来なかった / キャンセルになった (the DM is
 * rewritten to show the choice), まとめを書く (opens the builder) and the finished write-up's 送った (the
 * DM is rewritten to "送付済み ✓"). Each re-checks in the database that the clicking user is the session's
 * supporter; button values are never trusted for that. Registered from actions/index.ts.
 */
import type { ListenerDeps } from '../../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { OUTCOMES } from '../../../domain/outcomes.js';
import { recordOutcome } from '../../../usecases/outcomes.js';
import { markWriteupSent } from '../../../usecases/writeupBuilder.js';
import { finishedDm, outcomeChosen } from '../../blocks/writeupMessages.js';
import { WRITEUP_IDS } from '../../blocks/writeupModal.js';
import { refreshHome } from '../../home.js';
import type { ListenerTable } from '../table.js';
import { audienceFor, openWriteupModal, parseSessionId, rewriteMessage } from '../writeupFlow.js';
import { guardedAction } from './guarded.js';

export const registerWriteupActions = (table: ListenerTable, deps: ListenerDeps): void => {
  for (const outcome of OUTCOMES) {
    table.action(
      WRITEUP_IDS.outcome[outcome],
      guardedAction(deps, async (body, client, now) => {
        const raw = body.actions[0]?.value ?? '';
        if (!/^\d{1,9}$/.test(raw)) throw new DomainError('slot_not_found', { id: raw || '?' });
        const { session } = await recordOutcome(deps, {
          userId: body.user.id,
          slotId: Number(raw),
          outcome,
          now,
        });
        const a = await audienceFor(deps, client, body.user.id, now);
        await rewriteMessage(
          deps,
          client,
          {
            channel: body.container?.channel_id ?? body.channel?.id,
            ts: body.container?.message_ts ?? body.message?.ts,
          },
          outcomeChosen(a, { ...session, outcome }),
        );
        await refreshHome(deps, client, body.user.id);
      }),
    );
  }

  table.action(
    WRITEUP_IDS.open,
    guardedAction(deps, async (body, client, now) => {
      const sessionId = parseSessionId(body.actions[0]?.value ?? '');
      await openWriteupModal(deps, client, {
        triggerId: body.trigger_id,
        userId: body.user.id,
        sessionId,
        now,
      });
    }),
  );

  table.action(
    WRITEUP_IDS.sent,
    guardedAction(deps, async (body, client, now) => {
      const sessionId = parseSessionId(body.actions[0]?.value ?? '');
      const { session } = await markWriteupSent(deps, { userId: body.user.id, sessionId, now });
      const a = await audienceFor(deps, client, body.user.id, now);
      await rewriteMessage(
        deps,
        client,
        {
          channel: body.container?.channel_id ?? body.channel?.id,
          ts: body.container?.message_ts ?? body.message?.ts,
        },
        finishedDm(a, session, { sent: true }),
      );
      await refreshHome(deps, client, body.user.id);
    }),
  );
};
