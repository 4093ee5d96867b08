/**
 * What the storing modals (slots, consult, study) do alike. Field errors travel in the ack
 * (`response_action: errors`) within Slack's 3 s, so before it only local data is read — the stored or
 * remembered language, never users.info; a failure goes back on its field and nothing was stored. Once
 * stored, the modal closes at once and the user's language is resolved (users.info allowed now) for what
 * follows: the post and the confirmation.
 */
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import type { Locale } from '../../../i18n/index.js';
import type { ViewListener } from '../table.js';
import { fieldErrors } from './fieldErrors.js';

type Args = Parameters<ViewListener>[0];

export type ModalForm = {
  /** The input blocks an error may name. */
  fields: readonly string[];
  /** Where an error that names no field (or an unexpected one) is shown. */
  fallback: string;
  /** For the log: which modal. */
  what: string;
};

/** Runs `store`; answers the ack with field errors (undefined) or closes the modal (what was stored). */
export const storeOrFieldErrors = async <T>(
  deps: ListenerDeps,
  args: Pick<Args, 'ack' | 'body' | 'client'>,
  form: ModalForm,
  store: (now: Date) => Promise<T>,
): Promise<{ stored: T; locale: Locale; now: Date; userId: string } | undefined> => {
  const now = deps.clock();
  const userId = args.body.user.id;
  const known = await deps.locales.known(userId, now);
  let stored: T;
  try {
    stored = await store(now);
  } catch (err) {
    await args.ack(
      fieldErrors(err, { locale: known ?? deps.config.defaultLocale, logger: deps.logger, ...form }),
    );
    return undefined;
  }
  await args.ack();
  const locale = known ?? (await deps.locales.forUser(args.client, userId, now));
  return { stored, locale, now, userId };
};

/**
 * The confirmation, where the modal was opened from (an ephemeral in that channel) — or as a DM when it
 * was opened elsewhere (Home, a shortcut) or the bot cannot post there.
 */
export const confirm = (
  deps: ListenerDeps,
  client: WebClient,
  to: { userId: string; channel: string | undefined },
  text: string,
): Promise<unknown> =>
  (to.channel
    ? client.chat.postEphemeral({ channel: to.channel, user: to.userId, text })
    : Promise.reject(new Error('no channel'))
  )
    .catch(() => client.chat.postMessage({ channel: to.userId, text }))
    .catch((err: unknown) => deps.logger.warn({ err }, 'could not confirm a modal submission'));

/** The channel a modal's private_metadata names (`{"channel": "C…"}`), if any. */
export const metadataChannel = (raw: string | undefined): string | undefined => {
  try {
    const parsed = JSON.parse(raw || '{}') as { channel?: unknown };
    return typeof parsed?.channel === 'string' ? parsed.channel : undefined;
  } catch {
    return undefined;
  }
};
