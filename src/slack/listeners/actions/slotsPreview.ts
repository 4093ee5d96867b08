/**
 * The slots modal's preview: while the supporter types (or picks the month), Slack sends block_actions
 * (`dispatch_action`, see blocks/slotsModal.ts); each one is acked at once, the entries are parsed with
 * the app's clock and zone exactly as the submit will parse them, and the modal is updated in place with
 * what would be stored, or the error /slots add would give (quoting the token it could not read).
 *
 * Keystrokes race: views.update takes the `hash` the payload carried, and Slack refuses it with
 * `hash_conflict` once another update has replaced the view (https://api.slack.com/methods/views.update,
 * "hash" argument and errors). That is the protection against an older keystroke's preview overwriting a
 * newer one. The newest keystroke, though, often carries the hash from before the previous keystroke's
 * update landed; left alone, the preview would miss the last character typed. So a conflict is dropped
 * when a newer keystroke has been seen (its own update is on the way), and retried once with the hash of
 * this process's last update when this is the newest. Slack orders keystrokes by `action_ts`.
 */
import type { ListenerDeps } from '../../../deps.js';
import { monthOf } from '../../../domain/calendar.js';
import { planForMinutes } from '../../../domain/plans.js';
import { type ParsedSlot, parseSlotEntries } from '../../../domain/slotParser.js';
import { messages } from '../../../i18n/index.js';
import type { Logger } from '../../../logger.js';
import { buildSlotsModal } from '../../blocks/slotsModal.js';
import { type Audience, slotWhen } from '../../format/slots.js';
import { IDS } from '../../ids.js';
import { errorReply } from '../../reply.js';
import { slackError } from '../openModal.js';
import type { ButtonListener, ListenerTable } from '../table.js';

/** Lines shown before "…and N more" (a weekly pattern can add a month of slots). */
const MAX_LINES = 15;
/** Open modals remembered for the race above; the oldest is forgotten past this. */
const MAX_TRACKED_VIEWS = 500;

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** What the modal shows for `text`: the slots the submit would store, or its error. */
export const previewText = (a: Audience, text: string, month: string, logger: Logger): string | undefined => {
  if (!text.trim()) return undefined;
  let parsed: ParsedSlot[];
  try {
    parsed = parseSlotEntries(text, { now: a.now, zone: a.zone, month });
  } catch (err) {
    return errorReply(a.locale, err, logger).text;
  }
  const lines = parsed.slice(0, MAX_LINES).map((p) =>
    a.m.slots.previewLine({
      when: slotWhen(a, { start_at: p.startUtc, minutes: p.minutes }),
      plan: a.m.common.plan[planForMinutes(p.minutes)] ?? '',
      minutes: a.m.common.minutes({ n: p.minutes }),
    }),
  );
  const more = parsed.length - MAX_LINES;
  const otherMonths = [...new Set(parsed.map((p) => monthOf(p.startUtc, a.zone)))].filter((x) => x !== month);
  return [
    a.m.slots.previewHeader({ n: parsed.length }),
    ...lines,
    ...(more > 0 ? [a.m.slots.previewMore({ n: more })] : []),
    ...(otherMonths.length
      ? [
          a.m.slots.previewOtherMonth({
            months: otherMonths.map((x) => a.m.slots.monthLabel({ month: x })).join('・'),
          }),
        ]
      : []),
  ].join('\n');
};

type Seen = { ts: number; hash?: string };

export const registerSlotsPreview = (table: ListenerTable, deps: ListenerDeps): void => {
  const ids = IDS.slotsModal;
  const seen = new Map<string, Seen>();

  const remember = (viewId: string, entry: Seen) => {
    seen.delete(viewId);
    seen.set(viewId, entry);
    if (seen.size > MAX_TRACKED_VIEWS) seen.delete(seen.keys().next().value as string);
  };

  const onInput: ButtonListener = async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view || view.callback_id !== ids.callback) return;
    const ts = Number(body.actions[0]?.action_ts ?? 0);
    const before = seen.get(view.id);
    if (before && ts < before.ts) return; // a later keystroke has been handled already
    remember(view.id, { ts, ...(before?.hash ? { hash: before.hash } : {}) });

    const now = deps.clock();
    const zone = deps.config.timezone;
    const locale = await deps.locales.forUser(client, body.user.id, now);
    const values = view.state.values;
    const picked = values[ids.monthBlock]?.[ids.monthAction]?.selected_option?.value ?? '';
    const current = monthOf(now, zone);
    const month = MONTH.test(picked) ? picked : current;
    const text = values[ids.entriesBlock]?.[ids.entriesAction]?.value ?? '';
    const a: Audience = { m: messages(locale), locale, zone, now };
    const next = {
      ...buildSlotsModal(a.m, current, month, {}, previewText(a, text, month, deps.logger)),
      private_metadata: view.private_metadata,
    };

    const update = (hash: string) => client.views.update({ view_id: view.id, hash, view: next });
    const landed = (hash: string | undefined) => {
      const mine = seen.get(view.id);
      if (mine && hash) mine.hash = hash;
    };
    try {
      landed((await update(view.hash)).view?.hash);
    } catch (err) {
      if (slackError(err) !== 'hash_conflict') {
        deps.logger.warn({ err }, 'could not update the slots preview');
        return;
      }
      const mine = seen.get(view.id);
      if (mine?.ts !== ts || !mine.hash || mine.hash === view.hash) return; // a newer keystroke is on its way
      landed(
        (
          await update(mine.hash).catch((retryErr: unknown) => {
            deps.logger.debug({ err: retryErr }, 'the slots preview was overtaken');
            return undefined;
          })
        )?.view?.hash,
      );
    }
  };

  table.action(ids.entriesAction, onInput);
  table.action(ids.monthAction, onInput);
};
