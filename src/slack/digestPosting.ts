/**
 * The operator digest as a message: where it goes and what it says. The daily operator-digest job sends
 * it through the delivery; `/supporter digest` posts the same content on demand.
 */
import type { WebClient } from '@slack/web-api';
import type { UseCaseDeps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { digestData } from '../usecases/digest.js';
import { buildDigest } from './blocks/digest.js';
import { setupError } from './reply.js';

/** Where the digest goes: the operators' channel, else each operator's DM. */
export const digestRecipients = (deps: Pick<UseCaseDeps, 'config'>): string[] =>
  deps.config.channels.operators ? [deps.config.channels.operators] : [...deps.config.operatorUserIds];

/** The digest message for `month` as of `now`, with permalinks (asked of `client`) for what it lists. */
export const composeDigest = async (deps: UseCaseDeps, client: WebClient, now: Date, month: string) => {
  const locale = deps.config.defaultLocale;
  const data = await digestData(deps, month, now);
  const links = new Map<number, string>();
  for (const c of [...data.unanswered.slice(0, 10), ...(data.escalated ?? []).slice(0, 10)]) {
    if (links.has(c.id)) continue;
    if (!c.channel || !c.ts) continue;
    const link = await client.chat
      .getPermalink({ channel: c.channel, message_ts: c.ts })
      .then((r) => r.permalink)
      .catch(() => undefined);
    if (link) links.set(c.id, link);
  }
  return buildDigest({ m: messages(locale), locale, zone: deps.config.timezone, now }, data, links);
};

/**
 * Posts a composed digest to each recipient now (`/supporter digest`). A recipient Slack refuses for setup
 * reasons (bot not in the operators' channel, archived, missing scope) throws the fix for the operator.
 */
export const postDigestNow = async (
  client: WebClient,
  recipients: readonly string[],
  message: Awaited<ReturnType<typeof composeDigest>>,
): Promise<void> => {
  for (const channel of recipients) {
    try {
      await client.chat.postMessage({ channel, ...message });
    } catch (err) {
      throw setupError(err, channel) ?? err;
    }
  }
};
