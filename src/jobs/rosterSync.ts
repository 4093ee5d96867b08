/**
 * Keeps the roster in step with Slack before quota jobs: new human members of SUPPORTERS_CHANNEL_ID join
 * (bots and deactivated accounts excluded), members who came from the channel and left it leave the
 * roster, and anyone on the roster whose account was deactivated (users.info `deleted: true`,
 * https://api.slack.com/types/user) leaves it — Slack still answers ok to a DM for them, so only the
 * roster can keep reminders from going to people who left. People who joined by command stay whatever
 * their channel membership.
 */

import { rateLimitGate, sleeper, withRetries } from '../delivery/retry.js';
import type { JobDeps } from '../deps.js';
import {
  activeSupporterIds,
  joinFromChannel,
  knownSupporterIds,
  leaveAbsentFromChannel,
  leaveDeactivated,
} from '../usecases/roster.js';

export type RosterSync = { added: number; left: number; deactivated: string[] };

type SlackUser = { is_bot?: boolean; deleted?: boolean; locale?: string } | undefined;

export const syncRosterFromChannel = async (deps: JobDeps, now: Date): Promise<RosterSync> => {
  const users = new Map<string, Promise<SlackUser>>();
  // users.info is Tier 4 (https://api.slack.com/methods/users.info): a big roster can meet a 429. Wait
  // out Retry-After like the sends do — a rate-limited answer used to count as "unknown", so whoever was
  // looked up during the limit was neither added nor checked for deactivation until the next run.
  const sleep = sleeper(deps);
  const retry = { gate: rateLimitGate(sleep), sleep, beforeRetry: async () => {} };
  const userInfo = (id: string) => {
    let info = users.get(id);
    if (!info) {
      info = withRetries(() => deps.slack.users.info({ user: id, include_locale: true }), retry)
        .then((r) => r.user as SlackUser)
        .catch(() => undefined);
      users.set(id, info);
    }
    return info;
  };
  const { added, left } = await followChannel(deps, now, userInfo);
  const deactivated: string[] = [];
  for (const id of await activeSupporterIds(deps)) {
    // An unreadable answer (error, timeout) is no proof of anything: they stay.
    if ((await userInfo(id))?.deleted && (await leaveDeactivated(deps, id, now))) deactivated.push(id);
  }
  if (added || left || deactivated.length) {
    deps.logger.info(
      { added, left, deactivated },
      'roster synced; deactivated Slack accounts left the roster and get no DM',
    );
  }
  return { added, left, deactivated };
};

const followChannel = async (
  deps: JobDeps,
  now: Date,
  userInfo: (id: string) => Promise<SlackUser>,
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
    if (known.has(id) || id === 'USLACKBOT') continue;
    const user = await userInfo(id);
    if (!user || user.is_bot || user.deleted) continue;
    if ((await joinFromChannel(deps, id, user.locale, now)).created) added += 1;
  }
  const left = await leaveAbsentFromChannel(deps, members, now);
  return { added, left };
};
