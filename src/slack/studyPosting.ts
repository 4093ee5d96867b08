/**
 * Posting a study session to the study channel and keeping its post current, plus the DMs around it.
 * Stored first, posted second; a failed post undoes the stored session, so a failing command leaves
 * nothing behind. Post refreshes of one session run one after another (each renders the latest stored
 * state), so concurrent clicks never leave an older count on the post. The DMs (moved up from the waiting
 * list, spot cancelled, session cancelled) go through the delivery with idempotency keys, like the jobs'.
 */
import type { WebClient } from '@slack/web-api';
import type { StudySession } from '../db/schema.js';
import { deliverAll, type Outgoing } from '../delivery/deliver.js';
import type { ListenerDeps, UseCaseDeps } from '../deps.js';
import { formatSlotWhen } from '../domain/calendar.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { Rsvp } from '../domain/study.js';
import { type Locale, messages } from '../i18n/index.js';
import type { LocaleOf } from '../usecases/locales.js';
import {
  createStudySession,
  markStudyPosted,
  type StudyDraft,
  studyView,
  undoStudySession,
} from '../usecases/study.js';
import { escapeMrkdwn } from './blocks/kit.js';
import { buildStudyPost, type StudyPostView, studyPostText } from './blocks/studyPost.js';
import { setupError } from './reply.js';

/** Where study sessions are announced; a clear error when neither channel is configured. */
export const studyChannel = (deps: Pick<ListenerDeps, 'config'>): string => {
  const channel = deps.config.channels.study;
  if (!channel) throw new DomainError('study_channel_missing');
  return channel;
};

const postViewOf = async (deps: UseCaseDeps, id: number, now: Date): Promise<StudyPostView | undefined> => {
  const view = await studyView(deps.db, id);
  if (!view) return undefined;
  const locale = deps.config.defaultLocale;
  return { m: messages(locale), locale, zone: deps.config.timezone, now, ...view };
};

export const permalinkOf = (
  client: WebClient,
  session: Pick<StudySession, 'channel' | 'ts'>,
): Promise<string | undefined> =>
  session.channel && session.ts
    ? client.chat
        .getPermalink({ channel: session.channel, message_ts: session.ts })
        .then((r) => r.permalink)
        .catch(() => undefined)
    : Promise.resolve(undefined);

export type PostedStudy = { session: StudySession; link: string | undefined; channel: string };

export const publishStudy = async (
  deps: ListenerDeps,
  client: WebClient,
  draft: StudyDraft,
  now: Date,
): Promise<PostedStudy> => {
  studyChannel(deps);
  const session = await createStudySession(deps, draft, now);
  return postCreatedStudy(deps, client, session, now);
};

/** Posts a stored session; on failure undoes it and throws a DomainError for the user (setup fix included). */
export const postCreatedStudy = async (
  deps: ListenerDeps,
  client: WebClient,
  session: StudySession,
  now: Date,
): Promise<PostedStudy> => {
  let channel: string;
  let ts: string;
  try {
    channel = studyChannel(deps);
    const view = (await postViewOf(deps, session.id, now))!;
    const posted = await client.chat.postMessage({
      channel,
      text: studyPostText(view),
      blocks: buildStudyPost(view),
    });
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    ts = posted.ts;
  } catch (err) {
    deps.logger.error({ err, study: session.id }, 'posting a study session failed; undoing it');
    await undoStudySession(deps, session.id);
    if (isDomainError(err)) throw err;
    throw setupError(err, deps.config.channels.study) ?? new DomainError('generic');
  }
  await markStudyPosted(deps, session.id, channel, ts);
  const posted = { ...session, channel, ts };
  return { session: posted, link: await permalinkOf(client, posted), channel };
};

const refreshChains = new WeakMap<object, Map<number, Promise<void>>>();

/** Re-renders a session's post from what is stored now; refreshes of one session never overlap. */
export const refreshStudyPost = (deps: ListenerDeps, client: WebClient, id: number): Promise<void> => {
  let chains = refreshChains.get(deps);
  if (!chains) {
    chains = new Map();
    refreshChains.set(deps, chains);
  }
  const run = async () => {
    const view = await postViewOf(deps, id, deps.clock());
    if (!view?.session.channel || !view.session.ts) return;
    await client.chat.update({
      channel: view.session.channel,
      ts: view.session.ts,
      text: studyPostText(view),
      blocks: buildStudyPost(view),
    });
  };
  const next = (chains.get(id) ?? Promise.resolve()).then(run).catch((err: unknown) => {
    deps.logger.warn({ err, study: id }, 'could not update the study session post');
  });
  chains.set(id, next);
  void next.then(() => {
    if (chains.get(id) === next) chains.delete(id);
  });
  return next;
};

// ---------------------------------------------------------------------------------------------------------
// DMs through the delivery

type SessionDm = {
  session: StudySession;
  localeOf: LocaleOf;
  zone: string;
  now: Date;
  link: string | undefined;
};

const whenFor = (d: SessionDm, locale: Locale) =>
  formatSlotWhen(d.session.start_at, d.session.minutes, d.zone, locale, d.now);

/** The cancellation notices of a cancelled session (key `study:<id>:<user>:cancelled`). */
export const cancellationMessages = (d: SessionDm, recipients: readonly string[]): Outgoing[] =>
  recipients.map((recipient) => {
    const locale = d.localeOf(recipient);
    const text = messages(locale).study.cancelledText({
      id: d.session.id,
      title: escapeMrkdwn(d.session.title),
      when: whenFor(d, locale),
    });
    return { key: `study:${d.session.id}:${recipient}:cancelled`, recipient, text };
  });

/** "You moved up from the waiting list" (key per join, so a later move-up of the same person is new). */
export const promotionMessages = (d: SessionDm, promoted: readonly Rsvp[]): Outgoing[] =>
  promoted.map((r) => {
    const locale = d.localeOf(r.userId);
    const text = messages(locale).study.promotedText({
      id: d.session.id,
      title: escapeMrkdwn(d.session.title),
      when: whenFor(d, locale),
      link: d.link ?? '',
    });
    return { key: `study:${d.session.id}:${r.userId}:promoted:${r.position}`, recipient: r.userId, text };
  });

export const removalMessage = (d: SessionDm, removed: Rsvp): Outgoing => {
  const locale = d.localeOf(removed.userId);
  const text = messages(locale).study.removedText({
    id: d.session.id,
    title: escapeMrkdwn(d.session.title),
    when: whenFor(d, locale),
  });
  return {
    key: `study:${d.session.id}:${removed.userId}:removed:${removed.position}`,
    recipient: removed.userId,
    text,
  };
};

/**
 * Sends DMs about a session now (through the delivery), each in its recipient's language (as replies
 * are: chosen, else Slack's); a failure is logged — the job sends lost cancellation notices later.
 */
export const sendStudyDms = async (
  deps: ListenerDeps,
  session: StudySession,
  recipients: readonly string[],
  build: (d: SessionDm) => Outgoing[],
  job: string,
): Promise<void> => {
  try {
    const now = deps.clock();
    const locales = new Map<string, Locale>();
    for (const id of new Set(recipients)) {
      locales.set(id, await deps.locales.forUser(deps.slack, id, now));
    }
    const d: SessionDm = {
      session,
      localeOf: (id) => locales.get(id) ?? deps.config.defaultLocale,
      zone: deps.config.timezone,
      now,
      link: await permalinkOf(deps.slack, session),
    };
    const outgoing = build(d);
    if (outgoing.length) await deliverAll(deps, outgoing, { job, now });
  } catch (err) {
    deps.logger.warn({ err, study: session.id, job }, 'could not send the study session DMs');
  }
};
