/**
 * Posting a consultation to the advice channel and keeping its post current. Stored first, posted second;
 * when the post fails the stored consultation (and any session it booked) is undone, so nothing is left
 * behind by a failing command.
 */
import type { WebClient } from '@slack/web-api';
import type { Consultation } from '../db/schema.js';
import type { ListenerDeps } from '../deps.js';
import { DomainError } from '../domain/errors.js';
import { messages } from '../i18n/index.js';
import {
  type ConsultationDraft,
  type CreatedConsultation,
  consultationPostData,
  createConsultation,
  findConsultation,
  markConsultationPosted,
  undoConsultation,
} from '../usecases/consultations.js';
import { linkConsultationToSession } from '../usecases/sessions.js';
import { buildConsultPost, consultPostText } from './blocks/consultPost.js';
import { setupError } from './reply.js';

const postView = async (deps: ListenerDeps, c: Consultation, now: Date) => {
  const { tags, minutes } = await consultationPostData(deps, c);
  const locale = deps.config.defaultLocale;
  return {
    m: messages(locale),
    locale,
    zone: deps.config.timezone,
    now,
    consultation: c,
    minutes,
    tags,
  };
};

export const publishConsultation = async (
  deps: ListenerDeps,
  client: WebClient,
  draft: ConsultationDraft,
  now: Date,
): Promise<PostedConsultation> =>
  postCreatedConsultation(deps, client, await createConsultation(deps, draft, now), now);

/** A posted consultation, and what it did to the asker's slot (for the reply). */
export type PostedConsultation = { id: number; link: string | undefined; created: CreatedConsultation };

/**
 * Posts a stored consultation; on failure undoes it and throws a DomainError for the user — one that says
 * what to do when Slack refused for setup reasons (bot not invited, archived channel, missing scope).
 */
export const postCreatedConsultation = async (
  deps: ListenerDeps,
  client: WebClient,
  created: CreatedConsultation,
  now: Date,
): Promise<PostedConsultation> => {
  const channel = deps.config.channels.advice;
  let ts: string;
  try {
    const view = await postView(deps, created.consultation, now);
    const posted = await client.chat.postMessage({
      channel,
      text: consultPostText(view),
      blocks: buildConsultPost(view),
    });
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    ts = posted.ts;
  } catch (err) {
    deps.logger.error(
      { err, consultation: created.consultation.id },
      'posting a consultation failed; undoing it',
    );
    await undoConsultation(deps, created, now);
    throw setupError(err, channel) ?? new DomainError('generic');
  }
  await markConsultationPosted(deps, created.consultation.id, channel, ts);
  await linkConsultationToSession(deps, created.consultation.slot_id, created.consultation.id, now);
  const link = await client.chat
    .getPermalink({ channel, message_ts: ts })
    .then((r) => r.permalink)
    .catch(() => undefined);
  return { id: created.consultation.id, link, created };
};

/** Re-renders a consultation's post (e.g. after it was resolved). */
export const refreshConsultationPost = async (
  deps: ListenerDeps,
  client: WebClient,
  id: number,
): Promise<void> => {
  const c = await findConsultation(deps, id);
  if (!c?.channel || !c.ts) return;
  const view = await postView(deps, c, deps.clock());
  await client.chat.update({
    channel: c.channel,
    ts: c.ts,
    text: consultPostText(view),
    blocks: buildConsultPost(view),
  });
};
