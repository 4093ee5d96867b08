/**
 * Per-method rate limits as Slack documents them (https://api.slack.com/apis/rate-limits): each Web API
 * method has a tier, counted per app per workspace per minute, and "allows for occasional bursts":
 * Tier 1 1+/min, Tier 2 20+/min, Tier 3 50+/min, Tier 4 100+/min. chat.postMessage is "special": about
 * one message per second per channel, with short bursts allowed, plus a workspace-wide limit of "several
 * hundred messages per minute" (https://api.slack.com/methods/chat.postMessage#rate_limiting). Over the
 * limit Slack answers HTTP 429 with `Retry-After: <seconds>` and `{ ok: false, error: 'ratelimited' }`.
 *
 * Modelled as token buckets: capacity = the burst, refilled at the documented rate. The docs give no burst
 * size; the emulator lets a whole minute's allowance through at once for tiers, and 3 posts per channel.
 * Each method's tier is from its docs page (https://api.slack.com/methods/<method>, "Rate limits").
 * (Since 2025 conversations.history/replies are Tier 1 for new non-Marketplace *distributed* apps; an
 * internal app like this one keeps Tier 3.) Off unless FakeSlack is built with `rateLimits`.
 */

export type Limit = { perMinute: number; burst: number };

const TIER: Record<1 | 2 | 3 | 4, Limit> = {
  1: { perMinute: 1, burst: 1 },
  2: { perMinute: 20, burst: 20 },
  3: { perMinute: 50, burst: 50 },
  4: { perMinute: 100, burst: 100 },
};

/** chat.postMessage's per-channel limit (special: ~1 per second, short bursts). */
export const POST_PER_CHANNEL: Limit = { perMinute: 60, burst: 3 };
/** chat.postMessage's workspace-wide limit ("several hundred per minute"; 300 chosen). */
export const POST_PER_WORKSPACE: Limit = { perMinute: 300, burst: 300 };

export const METHOD_TIERS: Record<string, Limit> = {
  'auth.test': TIER[4], // special: "Tier 4"-like; the docs page says special
  'chat.postEphemeral': TIER[4],
  'chat.update': TIER[3],
  'chat.getPermalink': TIER[4], // special on its page; generous
  'conversations.open': TIER[3],
  'conversations.members': TIER[4],
  'conversations.history': TIER[3],
  'conversations.replies': TIER[3],
  'users.info': TIER[4],
  'views.open': TIER[4],
  'views.push': TIER[4],
  'views.update': TIER[4],
  'views.publish': TIER[4],
  'files.getUploadURLExternal': TIER[4],
  'files.completeUploadExternal': TIER[4],
};

export type RateLimitOptions = {
  /** Replace a method's limit (or `chat.postMessage:channel` / `chat.postMessage:workspace`), for tests. */
  overrides?: Record<string, Limit>;
};

type Bucket = { tokens: number; at: number };

export class RateTiers {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: RateLimitOptions = {},
    private readonly clock: () => number = Date.now,
  ) {}

  /** Undefined when the call may go ahead (a token is taken); else the seconds to wait (Retry-After). */
  check(method: string, args: Record<string, unknown>): number | undefined {
    const keys = this.bucketsFor(method, args);
    const waits = keys.map(([key, limit]) => this.waitFor(key, limit));
    const longest = Math.max(0, ...waits);
    if (longest > 0) return Math.max(1, Math.ceil(longest / 1000));
    for (const [key] of keys) this.buckets.get(key)!.tokens -= 1;
    return undefined;
  }

  private bucketsFor(method: string, args: Record<string, unknown>): Array<[string, Limit]> {
    const o = this.opts.overrides ?? {};
    if (method === 'chat.postMessage') {
      return [
        [`${method}:channel:${String(args.channel)}`, o['chat.postMessage:channel'] ?? POST_PER_CHANNEL],
        [`${method}:workspace`, o['chat.postMessage:workspace'] ?? POST_PER_WORKSPACE],
      ];
    }
    const limit = o[method] ?? METHOD_TIERS[method];
    return limit ? [[method, limit]] : [];
  }

  /** Milliseconds until the bucket has a token (0: it has one now). */
  private waitFor(key: string, limit: Limit): number {
    const now = this.clock();
    const perMs = limit.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.buckets.set(key, b);
    return b.tokens >= 1 ? 0 : (1 - b.tokens) / perMs;
  }
}
