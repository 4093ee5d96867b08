/** The slots modal's submission: field errors on the entries (nothing stored), else what was added. */
import type { ListenerDeps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { addSlots } from '../../../usecases/addSlots.js';
import { busyNotes } from '../../format/busy.js';
import { addedReply } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import { confirm, metadataChannel, storeOrFieldErrors } from './submission.js';

const ids = IDS.slotsModal;
const FORM = { fields: [ids.entriesBlock], fallback: ids.entriesBlock, what: 'slots modal' };

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(ids.callback, async (args) => {
    const userId = args.body.user.id;
    const values = args.view.state.values;
    const month = values[ids.monthBlock]?.[ids.monthAction]?.selected_option?.value ?? undefined;
    const text = values[ids.entriesBlock]?.[ids.entriesAction]?.value ?? '';
    const submitted = await storeOrFieldErrors(deps, args, FORM, (now) =>
      addSlots(deps, { userId, text, now, ...(month ? { month } : {}) }),
    );
    if (!submitted) return;
    const { stored, locale, now } = submitted;
    const audience = { m: messages(locale), locale, zone: deps.config.timezone, now };
    // After the ack: the busy check may wait on the supporter's calendar server (5 s at most).
    const reply = addedReply(audience, stored, busyNotes(audience, await stored.busyCheck()));
    await confirm(deps, args.client, { userId, channel: metadataChannel(args.view.private_metadata) }, reply);
    await refreshHome(deps, args.client, userId);
  });
};
