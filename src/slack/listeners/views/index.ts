/** Modal submissions. Field errors go back on the field (`response_action: errors`); nothing is stored then. */

import type { ListenerDeps } from '../../../deps.js';
import { messages } from '../../../i18n/index.js';
import { addSlots } from '../../../usecases/addSlots.js';
import type { SlotsModalMetadata } from '../../blocks/slotsModal.js';
import { busyNotes } from '../../format/busy.js';
import { addedReply } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import * as consult from './consult.js';
import { fieldErrors } from './fieldErrors.js';
import * as study from './study.js';
import * as writeup from './writeup.js';

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  consult.register(table, deps);
  study.register(table, deps);
  writeup.register(table, deps);
  const ids = IDS.slotsModal;
  table.view(ids.callback, async ({ ack, body, view, client }) => {
    const now = deps.clock();
    const userId = body.user.id;
    // Only local data before the ack (it carries the field errors within Slack's 3 s); see consult.ts.
    const known = await deps.locales.known(userId, now);
    const values = view.state.values;
    const month = values[ids.monthBlock]?.[ids.monthAction]?.selected_option?.value ?? undefined;
    const text = values[ids.entriesBlock]?.[ids.entriesAction]?.value ?? '';
    let result: Awaited<ReturnType<typeof addSlots>>;
    try {
      result = await addSlots(deps, { userId, text, now, ...(month ? { month } : {}) });
    } catch (err) {
      const fields = [ids.entriesBlock];
      await ack(
        fieldErrors(err, {
          locale: known ?? deps.config.defaultLocale,
          logger: deps.logger,
          fields,
          fallback: ids.entriesBlock,
          what: 'slots modal',
        }),
      );
      return;
    }
    await ack();
    const locale = known ?? (await deps.locales.forUser(client, userId, now));
    const audience = { m: messages(locale), locale, zone: deps.config.timezone, now };
    // After the ack: the busy check may wait on the supporter's calendar server (5 s at most).
    const reply = addedReply(audience, result, busyNotes(audience, await result.busyCheck()));
    const metadata = parseMetadata(view.private_metadata);
    if (metadata.channel) {
      await client.chat
        .postEphemeral({ channel: metadata.channel, user: userId, text: reply })
        .catch(() => client.chat.postMessage({ channel: userId, text: reply }));
    } else {
      await client.chat.postMessage({ channel: userId, text: reply });
    }
    await refreshHome(deps, client, userId);
  });
};

const parseMetadata = (raw: string | undefined): SlotsModalMetadata => {
  try {
    const parsed = JSON.parse(raw || '{}') as SlotsModalMetadata;
    return typeof parsed === 'object' && parsed ? parsed : {};
  } catch {
    return {};
  }
};
