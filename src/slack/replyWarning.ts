/**
 * A thread reply in the advice channel that looks like personal data: the bot cannot delete or edit a
 * person's message, so its author gets an ephemeral warning in that thread (chat.postEphemeral with
 * thread_ts: only they see it; https://api.slack.com/methods/chat.postEphemeral) naming the kind and how to
 * edit or delete it, and the operators — their channel, else each operator's DM, like the digest — a
 * notice with the reply's permalink (chat.getPermalink) and none of its text. The notice goes through the
 * delivery under `reply-pii:<channel>:<ts>:<recipient>`, so a redelivered event notifies nobody twice.
 */
import type { WebClient } from '@slack/web-api';
import { deliverAll } from '../delivery/deliver.js';
import type { ListenerDeps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { personalDataKinds } from '../usecases/replyCheck.js';
import { digestRecipients } from './digestPosting.js';

export type CheckedReply = { channel: string; threadTs: string; ts: string; user: string; text: string };

export const REPLY_WARNING_JOB = 'reply-warnings';

export const warnAboutPersonalData = async (
  deps: ListenerDeps,
  client: WebClient,
  reply: CheckedReply,
): Promise<boolean> => {
  const [kind] = await personalDataKinds(reply.text);
  if (!kind) return false;
  const now = deps.clock();
  const locale = await deps.locales.forUser(client, reply.user, now);
  await client.chat
    .postEphemeral({
      channel: reply.channel,
      user: reply.user,
      thread_ts: reply.threadTs,
      text: messages(locale).privacy.replyWarning({ kind }),
    })
    .catch((err: unknown) => deps.logger.warn({ err, ts: reply.ts }, 'could not warn about a reply'));
  const link = await client.chat
    .getPermalink({ channel: reply.channel, message_ts: reply.ts })
    .then((r) => r.permalink ?? '')
    .catch(() => '');
  const text = messages(deps.config.defaultLocale).privacy.replyOperatorNotice({
    kind,
    user: reply.user,
    link,
  });
  await deliverAll(
    deps,
    digestRecipients(deps).map((recipient) => ({
      key: `reply-pii:${reply.channel}:${reply.ts}:${recipient}`,
      recipient,
      text,
    })),
    { job: REPLY_WARNING_JOB, now },
  ).catch((err: unknown) => deps.logger.warn({ err, ts: reply.ts }, 'could not tell the operators'));
  return true;
};
