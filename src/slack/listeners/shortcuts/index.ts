/**
 * Shortcuts (https://api.slack.com/interactivity/shortcuts), declared in manifest.yml's features.shortcuts:
 * the message shortcut "この投稿を相談にする" opens the /consult modal with the message as the question (the
 * PII guard runs on submit, as for any consultation); the global shortcut "枠を登録" opens the slots modal.
 * Each is acked at once, and views.open is the first Web API call after it: the trigger_id lives 3 s, once
 * (https://api.slack.com/interactivity/handling#modal_responses).
 */
import type { AllMiddlewareArgs, App, SlackShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { monthOf } from '../../../domain/calendar.js';
import { MAX_QUESTION } from '../../../domain/consultForm.js';
import { buildConsultModal } from '../../blocks/consultModal.js';
import { truncate, unescapeMrkdwn } from '../../blocks/kit.js';
import { buildSlotsModal } from '../../blocks/slotsModal.js';
import { IDS } from '../../ids.js';
import { errorReply } from '../../reply.js';
import { openModalFirst } from '../openModal.js';

type ShortcutWork = (shortcut: SlackShortcut, client: WebClient, now: Date) => Promise<void>;

/**
 * The question a message makes: its text as a person reads it. Message payloads carry text with `&`, `<`
 * and `>` escaped (https://api.slack.com/reference/surfaces/formatting#escaping); a plain_text_input's
 * initial_value is shown as is, so it is unescaped, then cut to the field's max_length.
 */
export const questionFromMessage = (text: string | undefined): string =>
  truncate(unescapeMrkdwn(text ?? '').trim(), MAX_QUESTION);

const handlers = (deps: ListenerDeps): Map<string, ShortcutWork> =>
  new Map<string, ShortcutWork>([
    [
      IDS.shortcuts.consultFromMessage,
      async (shortcut, client, now) => {
        if (shortcut.type !== 'message_action') return;
        const opts = { triggerId: shortcut.trigger_id, userId: shortcut.user.id, now };
        const question = questionFromMessage(shortcut.message.text);
        await openModalFirst(deps, client, opts, (m, locale) =>
          buildConsultModal(m, locale, deps.config.timezone, now, shortcut.channel.id, { question }),
        );
      },
    ],
    [
      IDS.shortcuts.addSlots,
      async (shortcut, client, now) => {
        const current = monthOf(now, deps.config.timezone);
        const opts = { triggerId: shortcut.trigger_id, userId: shortcut.user.id, now };
        await openModalFirst(deps, client, opts, (m) => buildSlotsModal(m, current, current, {}));
      },
    ],
  ]);

/**
 * One Bolt listener for every shortcut, finding its handler by callback_id (as listeners/table.ts does for
 * the other kinds). One with no handler is acked and logged: Slack shows the user an error for an
 * unacknowledged shortcut. A failure reaches the user by DM in their language: a global shortcut has no
 * channel to answer in.
 */
export const register = (app: App, deps: ListenerDeps): void => {
  const table = handlers(deps);
  app.shortcut(/.*/, async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const work = table.get(shortcut.callback_id);
    if (!work) {
      deps.logger.warn({ callbackId: shortcut.callback_id }, 'no handler for this shortcut');
      return;
    }
    const now = deps.clock();
    try {
      await work(shortcut, client, now);
    } catch (err) {
      const locale = await deps.locales.forUser(client, shortcut.user.id, now);
      await client.chat
        .postMessage({ channel: shortcut.user.id, text: errorReply(locale, err, deps.logger).text })
        .catch((dmErr: unknown) =>
          deps.logger.warn({ err: dmErr }, 'could not tell the user about a shortcut'),
        );
    }
  });
};
