/**
 * Keeps the roster in step with SUPPORTERS_CHANNEL_ID before quota jobs: new human members join (bots and
 * deactivated accounts excluded), and members who came from the channel and left it leave the roster.
 * People who joined by command stay whatever their channel membership.
 */
import type { JobDeps } from '../deps.js';
import { joinFromChannel, knownSupporterIds, leaveAbsentFromChannel } from '../usecases/roster.js';

export const syncRosterFromChannel = async (
  deps: JobDeps,
  now: Date,
): Promise<{ added: number; left: number }> => {
  const channel = deps.config.channels.supporters;
  if (!channel) return { added: 0, left: 0 };
  const members = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.slack.conversations.members({
      channel,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    for (const id of page.members ?? []) members.add(id);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  const known = await knownSupporterIds(deps);
  let added = 0;
  for (const id of members) {
    if (known.has(id)) continue;
    const info = await deps.slack.users.info({ user: id, include_locale: true }).catch(() => undefined);
    if (!info?.user || info.user.is_bot || info.user.deleted || id === 'USLACKBOT') continue;
    if ((await joinFromChannel(deps, id, info.user.locale, now)).created) added += 1;
  }
  const left = await leaveAbsentFromChannel(deps, members, now);
  if (added || left) deps.logger.info({ added, left }, 'roster synced from the supporters channel');
  return { added, left };
};
