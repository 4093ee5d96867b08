/**
 * What the command, the buttons and the modal share after a session: opening the write-up builder (the
 * session checked as the caller's in the database, then views.open before any other Slack call), and
 * the outcome and write-up messages rewritten once answered.
 */
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../deps.js';
import { DomainError } from '../../domain/errors.js';
import { messages } from '../../i18n/index.js';
import { openWriteup } from '../../usecases/writeupBuilder.js';
import { buildWriteupModal } from '../blocks/writeupModal.js';
import { openModalFirst } from './openModal.js';

/** A session id as typed or carried by a button (`12`, `#12`); anything else is "not found". */
export const parseSessionId = (raw: string): number => {
  const m = /^#?(\d{1,9})$/.exec(raw.normalize('NFKC').trim());
  if (!m)
    throw new DomainError(raw.trim() ? 'session_not_found' : 'writeup_usage', { id: raw.trim() || '?' });
  return Number(m[1]);
};

export const openWriteupModal = async (
  deps: ListenerDeps,
  client: WebClient,
  opts: { triggerId: string; userId: string; sessionId: number; now: Date },
): Promise<void> => {
  const ctx = await openWriteup(deps, opts.userId, opts.sessionId, opts.now);
  await openModalFirst(deps, client, opts, (m, locale) =>
    buildWriteupModal({ m, locale, zone: deps.config.timezone, now: opts.now }, ctx),
  );
};

/** Rewrites the bot's message the click came from (a DM); a failure is logged, the answer is stored. */
export const rewriteMessage = async (
  deps: ListenerDeps,
  client: WebClient,
  where: { channel: string | undefined; ts: string | undefined },
  message: { text: string; blocks: unknown[] },
): Promise<void> => {
  if (!where.channel || !where.ts) return;
  await client.chat
    .update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks as never })
    .catch((err: unknown) => deps.logger.warn({ err }, 'could not update the message after a click'));
};

export const audienceFor = async (deps: ListenerDeps, client: WebClient, userId: string, now: Date) => {
  const locale = await deps.locales.forUser(client, userId, now);
  return { m: messages(locale), locale, zone: deps.config.timezone, now };
};
