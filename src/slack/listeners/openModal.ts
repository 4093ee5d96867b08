/**
 * Opening a modal the way Slack needs it: `views.open` is the first Web API call after the ack, since a
 * trigger_id is valid for 3 seconds and once (https://api.slack.com/interactivity/handling#modal_responses).
 * The modal opens in the language known without asking Slack (chosen, or remembered); when that is not
 * known, it opens in the default language and, once users.info has answered, is updated in place
 * (views.update needs no trigger_id) if the user's Slack locale is another one.
 */
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../deps.js';
import { DomainError } from '../../domain/errors.js';
import { type Locale, type Messages, messages } from '../../i18n/index.js';

/** views.open's answers for a trigger_id Slack will not take (views.open#errors). */
const TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

/** The Web API's `error` of a failed call (`{ ok: false, error }`), if it is one. */
export const slackError = (err: unknown): string | undefined =>
  (err as { data?: { error?: unknown } } | undefined)?.data?.error as string | undefined;

export const openModalFirst = async (
  deps: ListenerDeps,
  client: WebClient,
  opts: { triggerId: string; userId: string; now: Date },
  build: (m: Messages, locale: Locale) => ModalView,
): Promise<void> => {
  const known = await deps.locales.known(opts.userId, opts.now);
  const first = known ?? deps.config.defaultLocale;
  let viewId: string | undefined;
  try {
    const opened = await client.views.open({
      trigger_id: opts.triggerId,
      view: build(messages(first), first),
    });
    viewId = opened.view?.id;
  } catch (err) {
    // Too late or used already: the user can only start again (the message says how).
    if (TRIGGER_ERRORS.has(slackError(err) ?? '')) throw new DomainError('modal_expired');
    throw err;
  }
  if (known || !viewId) return;
  const locale = await deps.locales.forUser(client, opts.userId, opts.now);
  if (locale === first) return;
  await client.views
    .update({ view_id: viewId, view: build(messages(locale), locale) })
    .catch((err: unknown) => deps.logger.warn({ err }, 'could not show the modal in the user language'));
};
