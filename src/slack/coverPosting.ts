/**
 * Cover (代打) in Slack: the request posted to the supporters' channel (undone when the post fails, so a
 * failing request stores nothing), the post updated once taken or withdrawn, and the DMs to both
 * supporters after a take-over — through the delivery (keys `cover:<request id>:<user>`), once each.
 */
import type { WebClient } from '@slack/web-api';
import { deliverAll, type Outgoing } from '../delivery/deliver.js';
import type { ListenerDeps } from '../deps.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { messages } from '../i18n/index.js';
import { type CoverView, coverChannel, recordCoverPost, undoCoverRequest } from '../usecases/cover.js';
import { localesFor } from '../usecases/locales.js';
import { coverPost, coverWhen } from './blocks/cover.js';
import { coverTakenDm } from './blocks/sessions.js';

export const COVER_JOB = 'cover';

const postView = (deps: ListenerDeps, v: CoverView, now: Date) => {
  const locale = deps.config.defaultLocale;
  return { ...v, m: messages(locale), locale, zone: deps.config.timezone, now };
};

/** Posts a recorded request; on failure forgets it and throws a DomainError for the user. */
export const postCoverRequest = async (
  deps: ListenerDeps,
  client: WebClient,
  v: CoverView,
  now: Date,
): Promise<{ channel: string }> => {
  try {
    const channel = coverChannel(deps);
    const posted = await client.chat.postMessage({ channel, ...coverPost(postView(deps, v, now)) });
    if (!posted.ts) throw new Error('chat.postMessage returned no ts');
    await recordCoverPost(deps, v.request.id, channel, posted.ts);
    return { channel };
  } catch (err) {
    deps.logger.error({ err, cover: v.request.id }, 'posting a cover request failed; undoing it');
    await undoCoverRequest(deps, v.request.id);
    throw isDomainError(err) ? err : new DomainError('generic');
  }
};

/** Shows the request as it is now (taken by whom, or withdrawn); a failure is logged, the change stands. */
export const refreshCoverPost = async (deps: ListenerDeps, client: WebClient, v: CoverView, now: Date) => {
  const { channel, ts } = v.request;
  if (!channel || !ts) return;
  await client.chat
    .update({ channel, ts, ...coverPost(postView(deps, v, now)) })
    .catch((err: unknown) =>
      deps.logger.warn({ err, cover: v.request.id }, 'could not update the cover post'),
    );
};

/** The DMs after a take-over: the details to the one who took it, the news to the one who asked. */
export const sendCoverDms = async (deps: ListenerDeps, v: CoverView & { from: string }, now: Date) => {
  const localeOf = await localesFor(deps);
  const taker = v.session.supporter_id;
  const takerLocale = localeOf(taker);
  const fromLocale = localeOf(v.from);
  const outgoing: Outgoing[] = [
    {
      key: `cover:${v.request.id}:${taker}`,
      recipient: taker,
      ...coverTakenDm(
        {
          m: messages(takerLocale),
          locale: takerLocale,
          zone: deps.config.timezone,
          now,
          sessionId: v.session.id,
          startUtc: v.slot.start_at,
          minutes: v.slot.minutes,
          plan: v.session.plan,
          alias: v.session.client_alias,
          topic: v.session.topic,
        },
        v.from,
      ),
    },
    {
      key: `cover:${v.request.id}:${v.from}`,
      recipient: v.from,
      text: messages(fromLocale).sessions.coverTakenFromYou({
        taker,
        when: coverWhen({ ...v, zone: deps.config.timezone, locale: fromLocale, now }),
      }),
    },
  ];
  await deliverAll(deps, outgoing, { job: COVER_JOB, now }).catch((err: unknown) =>
    deps.logger.warn({ err, cover: v.request.id }, 'could not send the cover DMs'),
  );
};
